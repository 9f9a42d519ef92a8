"""Labelled (passage, sentence) pairs written from the real guides, apart from the eval dataset.

Passages are whole chunks as retrieval returns them (several sentences, inline bullets), which is
harder than the eval set's 1–3 sentence excerpts. PAIRS were written before the checker was tuned
(32 of 34 right on first run). ROUNDS were written later, three rounds of 30, 26 and 26 pairs,
each scored once before the rules were touched again (F1 0.81, 0.87, 0.90 on first run); some
of their misses then led to general rules, so they are no longer unseen data."""

CLOUD = ("Knowledge of major cloud platforms is essential, with AWS, GCP, and Azure leading the industry. "
         "Engineers should understand cloud-specific ML services (SageMaker, Vertex AI), serverless computing, "
         "and cost optimisation. Experience with GPU instances and distributed training environments is "
         "increasingly important.")
CERTIFICATIONS = ("- Andrew Ng’s Machine Learning Specialization - IBM Machine Learning Professional Certificate "
                  "- AWS Certified Machine Learning – Specialty - Google Professional Machine Learning Engineer "
                  "Certification - University of Washington Machine Learning Specialization - Johns Hopkins "
                  "Applied Machine Learning Specialization")
FRAMEWORKS = ("Beyond PyTorch and TensorFlow, engineers should be comfortable with scikit-learn for traditional ML "
              "algorithms, Hugging Face for NLP tasks, and FastAI for rapid prototyping. Understanding lower-level "
              "libraries like NumPy and Pandas is crucial for data manipulation, whilst Matplotlib and Plotly are "
              "essential for visualisation.")
AGENTS = ("Next comes AI Agents. Learning about AI Agents is closely connected to LLMs and RAG since these tools are "
          "very much used in building AI Agents. The best way to learn them (including everything above) is by doing "
          "them. There is no more theoretical knowledge needed other than the foundation we discussed above. Please "
          "don’t get tied up in choosing the best framework - just go with LangGraph or CrewAI and get started. "
          "Important is getting started!!! Some resources that I could recommend: - LangGraph playlist by LangChain "
          "- I love this simple straightforward series Projects to explore: - Must check out the GenAI_Agents project "
          "GitHub repo for practical insights and examples.")
DEGREE = ("Whilst self-taught paths exist, most ML engineering roles require a strong academic foundation. A "
          "bachelor’s degree in computer science, mathematics, statistics, or physics provides essential theoretical "
          "knowledge. Top universities often offer specialised modules in AI and ML, though any quantitative degree "
          "can serve as a stepping stone. Many employers also value master’s degrees for senior positions.")
EXPERIENCE = ("While academic qualifications remain valuable, practical experience has become increasingly important. "
              "Employers are looking for candidates who can demonstrate real-world problem-solving abilities through "
              "project portfolios. Contributing to open-source ML projects or participating in competitive challenges "
              "on platforms like Kaggle can provide valuable experience. More companies are also offering specialized "
              "internships and apprenticeships focused on machine learning engineering. These programs provide "
              "hands-on experience with production-scale systems and help bridge the gap between academic knowledge "
              "and practical application.")
PROGRAMMING = ("ML engineers rely on expert-level Python for modelling, experimentation, and deployment workflows. SQL "
               "is essential for working with data, and familiarity with languages like Java, R, or C++ can be useful "
               "depending on the tech stack.")
MATHS = ("I can’t emphasize this enough!!! If you’re aiming for the long run, you need a solid understanding of "
         "mathematics and statistics for machine learning. These skills form the backbone of everything you do in "
         "ML/LLM. Literally LLM could be broken down in matrices and derivatives! Even if you don’t use them directly "
         "in your day-to-day career, they will shape your mindset and help you think about ML problems from a "
         "mathematical and statistical perspective. It’s also important to have a good grasp of statistics and "
         "hypothesis testing, especially when conducting experimentation and making data driven decisions.")
PORTFOLIO = ("- Showcase Your Projects: Create a portfolio to demonstrate your skills and projects. - Highlight "
             "Achievements: Quantify your contributions and results. - Share Your Work: Publish your work on platforms "
             "like GitHub or Kaggle.")
DEMAND = ("The demand for Machine Learning Engineers has skyrocketed over the past decade, with a particularly sharp "
          "increase since 2020. This surge is driven by organisations across all sectors—from healthcare to "
          "finance—implementing AI solutions to streamline operations and gain competitive advantages. According to "
          "recent industry reports, the shortage of qualified ML engineers continues to grow, with companies "
          "struggling to fill positions despite offering competitive packages.")
SOFTWARE = ("ML Engineers need strong programming and software engineering skills to build reliable, maintainable, and "
            "scalable systems. Coming from a non-programming background myself, I was fortunate to work with some "
            "incredible software engineers early in my career. Software engineering proficiency includes: - Building "
            "scalable architectures and system design (important for MLOps) - Developing APIs and microservices - "
            "working with Async (helpful in AI Agents) - Containerization (e.g., Docker) - Writing unit tests - "
            "Mastering version control (e.g., Git), setting up CI/CD pipelines - Load testing, security practices, "
            "and more")
DOMAIN = ("Your impact as an ML Engineer accelerates tremendously if you’re also a domain expert! Knowing the context of "
          "the problem you’re solving is absolutely crucial. Aligning technical solutions with business needs is what "
          "adds real value and ensures that your work translates into meaningful outcomes. Domain expertise can take "
          "two distinct forms: - Business Domain Expertise: Understanding industries like healthcare, finance, or "
          "marketing to solve problems specific to those fields. - Machine Learning Domain Expertise: Specializing in "
          "areas like NLP, Information Retrieval (ranking), Computer Vision or Reinforcement Learning to bring depth "
          "to technical problem-solving.")

# (passage, answer sentence, supported, category)
PAIRS = [
    (CLOUD, "You should know a major cloud such as AWS, GCP or Azure, including services like SageMaker or Vertex AI.", True, "paraphrase"),
    (CLOUD, "The guide names four major cloud platforms: AWS, GCP, Azure and IBM Cloud.", False, "wrong_number"),
    (CLOUD, "Hands-on experience with GPU instances and distributed training is becoming more important.", True, "paraphrase"),
    (CLOUD, "Azure is the cheapest cloud platform for training large models.", False, "unsupported_claim"),
    (CLOUD, "Participating in Kaggle competitions gives you practical experience.", False, "off_passage"),
    (CERTIFICATIONS, "Andrew Ng's Machine Learning Specialization is one of the certifications listed.", True, "verbatim"),
    (CERTIFICATIONS, "The DeepLearning.AI TensorFlow Developer Certificate is also on the list.", False, "fabricated_resource"),
    (CERTIFICATIONS, "Stanford's CS229 course is one of the recommended certifications.", False, "fabricated_resource"),
    (CERTIFICATIONS, "The guide lists ten machine learning certifications.", False, "wrong_number"),
    (FRAMEWORKS, "Besides PyTorch and TensorFlow, get comfortable with scikit-learn for classic algorithms and Hugging Face for NLP.", True, "paraphrase"),
    (FRAMEWORKS, "You don't need to understand lower-level libraries like NumPy and Pandas.", False, "negation"),
    (FRAMEWORKS, "Matplotlib and Plotly are the visualisation tools the guide calls essential.", True, "summary"),
    (AGENTS, "To learn AI agents, start building with LangGraph or CrewAI instead of agonising over which framework is best.", True, "paraphrase"),
    (AGENTS, "Before building agents you need a lot of extra theory beyond the foundations.", False, "negation"),
    (AGENTS, "The guide suggests the LangChain Academy course on agents.", False, "fabricated_resource"),
    (DEGREE, "Most ML engineering roles ask for a solid academic background, such as a bachelor's in computer science, maths, statistics or physics.", True, "paraphrase"),
    (DEGREE, "Without a master's degree you cannot get an entry-level ML engineering job.", False, "unsupported_claim"),
    (DEGREE, "Self-taught paths don't exist for ML engineering roles.", False, "negation"),
    (EXPERIENCE, "Employers want portfolios that show you can solve real-world problems, and Kaggle or open-source work helps.", True, "paraphrase"),
    (EXPERIENCE, "Internships at big tech companies pay better than full-time roles at startups.", False, "unsupported_claim"),
    (EXPERIENCE, "Internships and apprenticeships give hands-on experience with production-scale systems.", True, "summary"),
    (PROGRAMMING, "SQL is essential for working with data, and Java, R or C++ can help depending on the stack.", True, "paraphrase"),
    (PROGRAMMING, "Knowing Rust or Julia is useful depending on the tech stack.", False, "fabricated_resource"),
    (MATHS, "The guide stresses maths and statistics, including hypothesis testing for experiments and data-driven decisions.", True, "summary"),
    (MATHS, "You need about 200 hours of maths study before starting.", False, "wrong_number"),
    (PORTFOLIO, "Publish your work on GitHub or Kaggle and quantify your results.", True, "paraphrase"),
    (DEMAND, "Demand for ML engineers has grown sharply since 2018.", False, "wrong_number"),
    (DEMAND, "Demand for ML engineers has soared over the last decade, especially since 2020.", True, "paraphrase"),
    (DEMAND, "Companies typically offer ML engineers salaries above $150,000.", False, "unsupported_claim"),
    (SOFTWARE, "Software engineering for ML engineers includes system design, APIs and microservices, Docker, unit tests, Git and CI/CD.", True, "summary"),
    (SOFTWARE, "Weights & Biases helps you track experiments and hyperparameters.", False, "off_passage"),
    (DOMAIN, "Domain expertise comes in two forms: business domain knowledge and ML domain expertise such as NLP or computer vision.", True, "paraphrase"),
    (DOMAIN, "The guide describes three forms of domain expertise.", False, "wrong_number"),
    (DOMAIN, "Knowing the context of the problem you're solving is not that important.", False, "negation"),
]


# Later rounds ------------------------------------------------------------------------------------------
TRACK = "Tools like MLflow, Weights & Biases, and DVC are essential for managing ML experiments. Engineers should understand how to track hyperparameters, metrics, and artefacts, enabling reproducible research and systematic model improvement."
MLOPS = "- Model Versioning: Understanding how to track model iterations, manage experiments, and maintain reproducibility is crucial. This includes familiarity with tools like DVC, MLflow, or Weights & Biases. - Deployment Pipelines: Knowledge of containerisation (Docker), orchestration (Kubernetes), and CI/CD practices for ML models is essential. Engineers must be able to build robust pipelines that take models from development to production. - Monitoring and Maintenance: Understanding how to track model performance, detect drift, and implement automated retraining pipelines is vital. This includes setting up logging, alerting, and monitoring systems for production ML services."
BLOG = "Start a blog to share your learning journey, project insights, and technical tutorials. Focus on quality over quantity, explaining complex concepts clearly. This improves your communication skills and establishes your presence in the ML community."
OSS = "Contribute to popular ML libraries or frameworks to gain visibility and learn from experienced developers. Start with documentation improvements and bug fixes, then progress to implementing new features. This demonstrates both technical ability and collaboration skills."
CAREER = "Entry-level ML engineering roles typically focus on implementing and maintaining existing models and pipelines. With experience, engineers can progress to designing and architecting ML systems, leading teams, or specializing in particular applications or industries. Senior roles often involve making high-level decisions about ML strategy and architecture, mentoring junior engineers, and contributing to the broader ML community through research and knowledge sharing. The field of Machine Learning Engineering continues to offer exciting opportunities for those willing to invest in developing the necessary skills and expertise. As AI technology continues to advance and find new applications, the demand for qualified ML engineers shows no signs of slowing down."
EDU = "While traditional computer science degrees remain valuable, alternative educational paths have gained recognition. Specialized ML engineering bootcamps and certification programs, particularly those offered by major tech companies and educational institutions, can provide focused, practical training. Continuing education is crucial in this rapidly evolving field. Many successful ML engineers regularly update their skills through online courses, workshops, and industry conferences. The field's rapid pace of innovation means that learning must be an ongoing process."
DSML = "These are people with strong mathematical and statistical backgrounds, combined with domain and business knowledge. They can analyze and research data, tell stories with insights, and translate business problems into models to solve them. Solving business problems is the main goal of a Data Scientist!"
TRAIN = "Familiarity with tools like TensorFlow, PyTorch, and Scikit-learn is essential to train and fine-tune models effectively. Specially in the age of embedding! Many of the resources I’ve already shared cover these frameworks. I can still add my personal favorite! I read the first version of this book, and it remains a highly recommended resource: I also think PyTorch’s popularity has grown significantly in recent years. If you’re looking to learn PyTorch, you can check out this nice 25 hours long Youtube video (I didnt watch it completely 😄):"
DL = "- Neural Networks Architecture: Understanding layers, activation functions, and network topologies is fundamental. Engineers should grasp both the theoretical and practical aspects of CNNs, RNNs, and transformers, including their strengths and limitations. - Common Frameworks: Proficiency in either PyTorch or TensorFlow is essential, though knowing both is advantageous. This includes understanding automatic differentiation, GPU acceleration, and distributed training capabilities. - Transfer Learning: Knowledge of how to leverage pre-trained models and adapt them to specific tasks is increasingly important. This includes understanding fine-tuning techniques and when to use them effectively."
SYS = "Tools like Docker, Kubernetes, Airflow, and CI/CD pipelines help ML engineers automate workflows and deploy models at scale. Distributed systems knowledge, including Spark, is important for handling large datasets or high-throughput workloads."
ROUND_1 = [
 (TRACK, "MLflow, Weights & Biases and DVC help you manage experiments and keep results reproducible.", True, "summary"),
 (TRACK, "Tools like Neptune and Comet ML are essential for tracking experiments.", False, "fabricated_resource"),
 (TRACK, "Tracking hyperparameters is optional once your model works.", False, "negation"),
 (MLOPS, "You should be able to detect drift and set up automated retraining for models in production.", True, "paraphrase"),
 (MLOPS, "Deployment pipelines mean knowing Docker, Kubernetes and CI/CD for ML models.", True, "paraphrase"),
 (MLOPS, "Monitoring isn't really needed if you version your models properly.", False, "negation"),
 (MLOPS, "Most companies use Kubeflow for their ML pipelines.", False, "fabricated_resource"),
 (BLOG, "A technical blog improves your communication skills and builds your presence in the ML community.", True, "paraphrase"),
 (BLOG, "You should publish at least two blog posts a week to be noticed.", False, "wrong_number"),
 (BLOG, "Writing many short posts matters more than writing good ones.", False, "negation"),
 (OSS, "Begin open-source work with docs and bug fixes before moving on to new features.", True, "paraphrase"),
 (OSS, "Open-source contributions are the fastest way to get hired at Google.", False, "unsupported_claim"),
 (CAREER, "Junior roles mostly involve maintaining existing models and pipelines, while senior roles shape ML strategy and mentor others.", True, "summary"),
 (CAREER, "It usually takes five years to move from an entry-level role to a senior one.", False, "wrong_number"),
 (CAREER, "Demand for ML engineers is expected to slow down soon.", False, "negation"),
 (EDU, "Bootcamps and certification programmes can give focused, practical training alongside traditional degrees.", True, "paraphrase"),
 (EDU, "Many ML engineers keep their skills current with online courses, workshops and conferences.", True, "paraphrase"),
 (EDU, "Bootcamp graduates earn the same as people with computer science degrees.", False, "unsupported_claim"),
 (DSML, "Data scientists usually have strong maths and statistics backgrounds plus domain and business knowledge.", True, "paraphrase"),
 (DSML, "Data scientists mainly build production infrastructure and automate ML workflows.", False, "unsupported_claim"),
 (TRAIN, "The author's favourite frameworks book is one they read in its first version.", True, "paraphrase"),
 (TRAIN, "There is a 40-hour YouTube course on PyTorch that the author watched completely.", False, "wrong_number"),
 (TRAIN, "PyTorch has become much more popular in recent years.", True, "paraphrase"),
 (DL, "You only need to know one of PyTorch or TensorFlow, although knowing both helps.", True, "paraphrase"),
 (DL, "Transfer learning is becoming less important as models get bigger.", False, "negation"),
 (DL, "Understanding the theory and practice of CNNs, RNNs and transformers is fundamental.", True, "summary"),
 (SYS, "Airflow and Docker help automate workflows and deploy models at scale.", True, "paraphrase"),
 (SYS, "Spark is mainly useful for small datasets.", False, "negation"),
 (SYS, "Terraform is used to automate ML infrastructure.", False, "fabricated_resource"),
 (SYS, "Python is the dominant language in ML.", False, "off_passage"),
]

ROLE = "A Machine Learning Engineer is a specialized role that bridges the gap between data science and software engineering. They are responsible for designing, developing, and deploying machine learning models into production systems. Here’s a breakdown of their key responsibilities:"
DATA = "- Data Collection: Gathering relevant data from various sources, including databases, APIs, and other data repositories. - Data Cleaning and Preprocessing: Handling missing values, outliers, and inconsistencies to ensure data quality. - Feature Engineering: Creating meaningful features from raw data to improve model performance."
MODEL = "- Algorithm Selection: Choosing the appropriate machine learning algorithms (e.g., linear regression, decision trees, neural networks) based on the problem and data characteristics. - Model Training: Training models on the prepared data using techniques like supervised, unsupervised, and reinforcement learning. - Model Evaluation: Assessing model performance using metrics like accuracy, precision, recall, and F1-score."
NETWORK = "- Join Online Communities: Participate in forums, discussions, and meetups. - Connect with Other ML Professionals: Build relationships with experienced professionals. - Attend Conferences and Workshops: Stay updated on the latest trends and technologies. Remember, the field of machine learning is constantly evolving. Continuous learning and adaptation are key to staying ahead. By following these steps and consistently practising, you can embark on a rewarding career as a Machine Learning Engineer."
PYRAMID = "The ML Engineer Pyramid illustrates the essential skills and layers of expertise required for an ML Engineer in 2025. It starts with foundational knowledge and builds up to advanced capabilities, showing how each layer contributes to becoming a well-rounded ML Engineer. NOTE: A Machine Learning Engineer does not necessarily possess all of these skills — this pyramid simply highlights the importance of each skill and the foundations. I’d like to share some resources that can help you build these skills. Below is an exhaustive list of recommendations."
RAG = "Trust me, building RAG systems and productionizing LLMs are tasks that are increasingly falling on the shoulders of ML Engineers aka AI Engineers. This trend is already here and is only going to grow! If you’re just getting started in this area, here are some highly recommended resources to help you:"
SWE2 = "A strong engineering foundation is required to write maintainable, optimised, and production-quality code. ML engineers use OOP, testing, debugging, and Git-based version control to collaborate effectively and deploy models safely."
ALGOS = "Engineers must understand classical algorithms like regression models, decision trees, gradient boosting, SVMs, clustering, and dimensionality reduction. Just as important is knowing when to use each method based on data constraints and business goals."
PROJECTS = "Build projects that solve real problems or explore interesting datasets. Focus on end-to-end implementations, from data collection to deployment. Example projects might include computer vision systems for local businesses, NLP applications for social good, or reinforcement learning for game AI."
SOFT2 = "Successful ML engineers need more than technical expertise. Communication skills are crucial, as engineers often need to explain complex technical concepts to non-technical stakeholders. Understanding business objectives and being able to align ML solutions with organizational goals is equally important."
ROUND_2 = [
 (ROLE, "An ML engineer sits between data science and software engineering and puts models into production.", True, "paraphrase"),
 (ROLE, "ML engineers are mainly responsible for writing research papers.", False, "unsupported_claim"),
 (DATA, "Data cleaning means dealing with missing values, outliers and inconsistencies so the data is of good quality.", True, "paraphrase"),
 (DATA, "Feature engineering means creating useful features from raw data to boost model performance.", True, "paraphrase"),
 (DATA, "Data is usually collected by scraping websites with Scrapy.", False, "fabricated_resource"),
 (MODEL, "Models are evaluated with metrics such as accuracy, precision, recall and F1-score.", True, "verbatim"),
 (MODEL, "Algorithm choice should depend on the problem and the characteristics of the data.", True, "paraphrase"),
 (MODEL, "Reinforcement learning is never used to train models.", False, "negation"),
 (NETWORK, "Join online communities, meet other ML professionals and go to conferences to keep up with trends.", True, "summary"),
 (NETWORK, "Attending three conferences a year is recommended.", False, "wrong_number"),
 (NETWORK, "Once you land a job, continuous learning stops being necessary.", False, "negation"),
 (PYRAMID, "The pyramid goes from foundational knowledge up to advanced capabilities.", True, "paraphrase"),
 (PYRAMID, "Every ML engineer is expected to master all skills in the pyramid.", False, "negation"),
 (PYRAMID, "The pyramid was designed for ML engineers in 2023.", False, "wrong_number"),
 (RAG, "Building RAG systems and putting LLMs into production increasingly falls to ML engineers.", True, "paraphrase"),
 (RAG, "The author recommends the LlamaIndex documentation for learning RAG.", False, "fabricated_resource"),
 (SWE2, "ML engineers use object-oriented programming, testing, debugging and Git to collaborate and deploy safely.", True, "paraphrase"),
 (SWE2, "Writing production-quality code is less important than model accuracy.", False, "unsupported_claim"),
 (ALGOS, "You should understand classic algorithms like decision trees, gradient boosting, SVMs and clustering.", True, "paraphrase"),
 (ALGOS, "Gradient boosting has replaced all other classical algorithms in industry.", False, "unsupported_claim"),
 (PROJECTS, "Good portfolio projects are end-to-end, from collecting data to deploying the model.", True, "paraphrase"),
 (PROJECTS, "Example projects include computer vision for local businesses or NLP apps for social good.", True, "summary"),
 (PROJECTS, "Projects should use only publicly available Kaggle datasets.", False, "unsupported_claim"),
 (SOFT2, "You need to explain complex technical ideas to non-technical stakeholders.", True, "paraphrase"),
 (SOFT2, "Communication skills matter less than coding for ML engineers.", False, "negation"),
 (SOFT2, "Git proficiency is non-negotiable for ML engineers.", False, "off_passage"),
]

INTRO = "The field of Machine Learning Engineering continues to evolve at a breathtaking pace in 2025, offering exciting opportunities for those looking to enter this dynamic career path. As artificial intelligence becomes increasingly central to business operations across industries, the demand for skilled ML engineers has reached unprecedented levels. Machine Learning Engineers sit at the intersection of data science and software engineering, combining mathematical expertise with practical programming skills to deploy AI solutions at scale. This role has become crucial as organizations seek to transform raw data into actionable insights and automated systems."
CORE = "To succeed as an ML engineer in 2025, several fundamental technical skills are essential. First and foremost is a strong foundation in programming, with Python remaining the dominant language in the field. Beyond basic syntax, engineers need deep knowledge of ML-focused libraries like TensorFlow, PyTorch, and the newer quantum-ready frameworks that have emerged. Mathematical proficiency is equally important, particularly in linear algebra, calculus, and statistics. These fundamentals underpin the algorithms and models that ML engineers work with daily."
MATH2 = "- Probability and Statistics: These fields are essential for understanding uncertainty in ML models. Key concepts include probability distributions, hypothesis testing, and Bayesian inference, which help in making informed decisions about model selection and evaluation."
GITHUB = "Maintain a professional GitHub profile with well-documented projects, clean code, and consistent contributions. Include README files that explain your project’s purpose, setup instructions, and technical decisions. This serves as your technical portfolio."
KAGGLE = "Participate in Kaggle competitions to gain practical experience with real-world datasets and problem-solving. Focus on writing clear code, documenting your approach, and sharing insights through kernels. Even without winning, solid documentation of your process is valuable."
DOMAIN2 = "- Machine Learning Domain Expertise: Specializing in areas like NLP, Information Retrieval (ranking), Computer Vision or Reinforcement Learning to bring depth to technical problem-solving. While having expertise in both domains is rare and highly valuable, proficiency in even one of these areas significantly enhances the impact you can make from day one. Investing in domain knowledge not only boosts your problem-solving skills but also sets you apart in the field of machine learning!"
CLOUD2 = "Cloud platforms are essential in ML workflows for development, deployment, and scaling. I suggest starting with a cloud provider that is widely used by your target or current company. For AWS, certifications like ML Associate and AI Practitioner are well-structured starting points. These certifications provide a clear roadmap to understanding cloud fundamentals and tools specific to machine learning. Also these skills are highly transferable to GCP/Azure."
PREP = "- Data Collection: Gathering relevant data from various sources, including databases, APIs, and other data repositories. - Data Cleaning and Preprocessing: Handling missing values, outliers, and inconsistencies to ensure data quality. - Feature Engineering: Creating meaningful features from raw data to improve model performance."
ROUND_3 = [
 (INTRO, "ML engineers combine maths expertise with practical programming to deploy AI at scale.", True, "paraphrase"),
 (INTRO, "Demand for skilled ML engineers is at unprecedented levels as AI becomes central to business.", True, "paraphrase"),
 (INTRO, "Demand for ML engineers peaked in 2023 and has been flat since.", False, "wrong_number"),
 (INTRO, "ML engineering is a niche role that few industries need.", False, "negation"),
 (CORE, "Python is still the dominant programming language for ML engineers.", True, "paraphrase"),
 (CORE, "Linear algebra, calculus and statistics are key parts of the maths you need.", True, "summary"),
 (CORE, "R has overtaken Python as the main language for ML engineering.", False, "unsupported_claim"),
 (CORE, "You should learn TensorFlow, PyTorch and MXNet.", False, "fabricated_resource"),
 (MATH2, "Probability and statistics help you reason about uncertainty in ML models.", True, "paraphrase"),
 (MATH2, "Key ideas include probability distributions, hypothesis testing and Bayesian inference.", True, "summary"),
 (MATH2, "Bayesian inference is rarely needed for model selection.", False, "negation"),
 (GITHUB, "Your GitHub profile acts as your technical portfolio, so keep projects well documented.", True, "paraphrase"),
 (GITHUB, "Recruiters look at the number of GitHub stars before anything else.", False, "unsupported_claim"),
 (GITHUB, "Commit to GitHub at least five times a week.", False, "wrong_number"),
 (KAGGLE, "Even if you don't win on Kaggle, documenting your process well is valuable.", True, "paraphrase"),
 (KAGGLE, "Only Kaggle grandmasters get noticed by employers.", False, "unsupported_claim"),
 (KAGGLE, "Share your insights on Kaggle through kernels and write clear code.", True, "summary"),
 (DOMAIN2, "Specialising in NLP, information retrieval, computer vision or reinforcement learning gives depth to your problem-solving.", True, "paraphrase"),
 (DOMAIN2, "Having expertise in both business and ML domains is common among ML engineers.", False, "negation"),
 (DOMAIN2, "Proficiency in just one of these areas can boost your impact from day one.", True, "paraphrase"),
 (CLOUD2, "Start with the cloud provider your current or target company uses most.", True, "paraphrase"),
 (CLOUD2, "The Google Cloud Professional ML Engineer certificate is the best place to start.", False, "fabricated_resource"),
 (CLOUD2, "Skills from AWS certifications transfer well to GCP and Azure.", True, "paraphrase"),
 (CLOUD2, "AWS skills do not transfer to other clouds.", False, "negation"),
 (PREP, "Data collection means gathering data from sources such as databases and APIs.", True, "paraphrase"),
 (PREP, "Feature engineering is mostly automated by modern AutoML tools.", False, "unsupported_claim"),
]

ROUNDS = ROUND_1 + ROUND_2 + ROUND_3
