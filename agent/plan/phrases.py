"""The words the profile rules recognise: numbers, skill synonyms, roles, tracks, cues and time phrases.

Every pattern runs on lowercased text with typographic apostrophes folded to "'" (see facts._normalise).
"""

import re

FULL_TIME_HOURS = 40

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a couple of": 2, "a couple": 2, "a few": 3,
}

# Skills --------------------------------------------------------------------------------------------
MATHS = ["linear_algebra_calculus", "probability_statistics"]
# Learners' words for skills that the skills.yaml keywords miss; they win over the keywords.
SYNONYMS = {
    "math": MATHS, "maths": MATHS, "mathematics": MATHS,
    "stats": ["probability_statistics"], "statistics": ["probability_statistics"],
    "postgresql": ["sql"], "sqlite": ["sql"], "bigquery": ["sql"], "relational databases": ["sql"],
    "pytest": ["software_engineering"], "tdd": ["software_engineering"],
    "sklearn": ["classical_ml"], "scikit learn": ["classical_ml"], "ml": ["classical_ml"],
    "neural nets": ["deep_learning"], "backprop": ["deep_learning"], "backpropagation": ["deep_learning"],
    "torch": ["training_frameworks"], "huggingface": ["training_frameworks"],
    "google cloud": ["cloud"], "amazon web services": ["cloud"],
    "vector databases": ["rag"], "vector database": ["rag"], "vector db": ["rag"], "vector stores": ["rag"],
    "langchain": ["llms"], "openai api": ["llms"],
}
# Libraries used only from Python: using one means knowing Python ("I know PyTorch").
PYTHON_LIBRARIES = {"pytorch", "torch", "scikit-learn", "scikit learn", "sklearn", "keras", "fastai", "xgboost",
                    "pyspark", "spacy", "crewai", "numpy", "pandas", "matplotlib"}  # (LangChain has a JS twin)
# skills.yaml keywords too generic to say a skill is held ("I have a CV", "I used GitHub", "production").
GENERIC = {
    "programming", "production", "apis", "rest api", "validation", "metrics", "accuracy", "cv", "images",
    "retrieval", "business", "projects", "github", "kaggle", "competitions", "side projects", "open source",
    "portfolio", "inference", "automation", "workflow", "pipelines", "architecture", "security", "scalability",
    "stakeholders", "presentation", "networking", "teamwork", "collaboration", "research skills", "healthcare",
    "finance", "marketing", "deploy", "orchestration", "logging", "algorithms", "optimisation", "optimization",
    "experimentation", "retraining", "maintenance", "microservices", "notebooks", "gpu", "information retrieval",
    "embeddings", "business impact", "domain knowledge", "data collection", "debugging", "design patterns",
    # Git is one tool of software engineering, not all of it (testing, OOP, data structures): knowing it
    # does not make the whole skill held.
    "git", "version control",
}

# Cues: what the words before (or right after) a skill say about it ----------------------------------
_KNOWING = (r"know|knows|use|used|using|have|had|familiar|comfortable|experience|experienced|proficient|good|"
            r"strong|confident|done|touched|worked|learned|learnt|studied|understand|idea|clue|knowledge|"
            r"background|skills|written|wrote|write|coded|built|deployed")
_NEG_WORDS = (r"\w+n't|\bnot\b|\bno\b|\bnever\b|\bnothing about\b|\bzero\b|\bwithout\b|\black(?:ing)?\b|\bcannot\b"
              r"|\blittle to no\b|\bweak (?:at|in)\b|\brusty\b|\bnew to\b|\bunfamiliar\b|\bexcept\b|\bapart from\b")
# "don't know", "never really used", "no experience": the negation swallows the knowing verb after it.
_NEG = rf"(?:{_NEG_WORDS})(?:\s+\w+){{0,2}}?\s+(?:{_KNOWING})\b|(?:{_NEG_WORDS})"
_GOAL = (r"\blearn\b|\blearning\b|\bstudy\b|\bwant\b|\bwants\b|\bwanna\b|\bwould like\b|\bneed to\b|\bneeds to\b"
         r"|\bhop(?:e|ing)\b|\bplan(?:ning)?\b|\bimprove\b|\bbuild\b|\bbuilding\b|\bget into\b|\bbecome\b"
         r"|\bmaster\b|\bpick up\b|\bbrush up\b|\binterested in\b|\bexplore\b|\bgoal\b|\baim\b|\bfocus on\b"
         r"|\bdive into\b|\bmove into\b|\btransition\b|\bgo into\b"
         # "what should I know about X?", "do I have to know X?": asking what to learn, not saying it is held
         r"|\b(?:do|does|will|would)\s+(?:i|you|one)\s+(?:really\s+|actually\s+)?need\b"
         r"|\b(?:should|must|have to|has to|ought to)(?:\s+i)?(?:\s+\w+ly)?\s+(?:know|use|have|understand)\b")
_POS = (r"\bknow\b|\bknows\b|\bknew\b|\bknowing\b|\bversed in\b|\bfamiliar\b|\bcomfortable\b|\bexperience[ds]?\b|\bproficient\b|\bfluent\b"
        r"|\bgood (?:at|with)\b|\bsolid\b|\bstrong\b|\bbackground in\b|\bskilled\b|\bused\b|\buse\b|\busing\b"
        r"|\buses\b|\bwork(?:ed|ing)? with\b|\bdone\b|\bdid\b|\bcode in\b|\bcoding in\b|\bwrite\b|\bwrote\b"
        r"|\bwritten\b|\bhave\b|\bhas\b|'ve\b|\bskills\b|\bexpert\b|\bdecent\b|\bcan\b|\blearned\b|\blearnt\b"
        r"|\bstudied\b|\bbuilt\b|\bdeployed\b|\bshipped\b")
# "Can I skip statistics?" asks about leaving it out: it says nothing of whether it is held.
_ASK_SKIP = r"\b(?:can|could|should|may|do)\s+i\s+(?:really\s+|just\s+)?(?:skip|ignore|drop|leave out|avoid)\b|\bskip(?:ping)?\b"
CUES = re.compile(rf"(?P<ask>{_ASK_SKIP})|(?P<neg>{_NEG})|(?P<goal>{_GOAL})|(?P<pos>{_POS})")
AFTER = re.compile(r"^\s*(?:skills?\s+|knowledge\s+)?(?:is|are)\s+(?:(?P<neg>rusty|weak|non-?existent|bad|poor|"
                   r"terrible|lacking|zero|a gap|basic at best)|(?P<pos>good|solid|strong|fine|ok|okay|decent))\b")
# "LLM apps", "ML engineer": a goal or a role, not a skill, unless a cue stands right before it.
TOPIC_AFTER = re.compile(r"^\s*(?:apps?|applications?|systems?|products?|engineers?|engineering|roles?|jobs?|"
                         r"track|path|career|positions?)\b")
# Words that may sit inside a list of skills without breaking it ("Python, some SQL and a bit of Docker").
LIST_FILLER = {
    "and", "or", "a", "an", "the", "some", "bit", "of", "little", "lot", "basic", "basics", "well", "very", "really",
    "also", "too", "plus", "as", "with", "in", "both", "either", "nor", "even", "any", "all", "good", "solid",
    "strong", "decent", "fairly", "pretty", "quite", "at", "about",
}
# Where a sentence asks something rather than says something about the learner.
QUESTION_START = re.compile(r"^\s*(?:what|what's|whats|which|how|why|when|where|who|is|are|does|do|should|can|could|"
                            r"would|will|difference|compare)\b")
PLAN_REQUEST = re.compile(r"\b(?:plan|roadmap|schedule|curriculum|study path|learning path)\b")
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|my|me)\b")
# "numpy daily", "Python at work": a use right after a skill says it is held.
# "PyTorch experience", "Python skills": held, unless a negation before it says otherwise ("no Python experience").
EXPERIENCE_NOUN_AFTER = re.compile(r"^\s*(?:experience|expertise|skills|knowledge|background)\b")
USED_AFTER = re.compile(r"^\s*(?:daily|every ?day|at work|at my job|professionally|in production|all day|so far)\b")
LIST_REST = re.compile(r"^(?:\s*(?:,|&|/|\+|\band\b|\bor\b|(?!hours?\b|hrs?\b|h\b|minutes?\b)[a-z][\w+#.-]*)){0,6}?(?=\s*(?:daily|every ?day|at work|at my job|"
                       r"professionally|all day|so far)\b)")
# "bootcamp grad here — python, pandas, sklearn": the skills right after a self-introduction are held.
INTRO_LIST = re.compile(r"\bhere\s*(?:—|–|-|:|,)\s*")
NO_CODE = re.compile(r"\b(?:no|never|zero|without|can't|cannot|don't|do not)\s+(?:any\s+|real\s+|prior\s+)?"
                     r"(?:cod(?:e|ed|ing)|programm(?:ed|ing)|program)\b")
CLAUSES = re.compile(r"[.!?;\n]+|\bbut\b|\bthough\b|\bhowever\b|\balthough\b|\bwhereas\b")
NEGATED_BEFORE = re.compile(r"(?:\w+n't|\bnot|\bno|\bnever|\bhate|\bdislike|\bskip|\bwithout)\s+(?:\w+\s+){0,4}$")
DISPREFERRED_BEFORE = re.compile(r"(?:\bover|\brather than|\binstead of|\bthan)\s+(?:\w+\s+){0,3}$")

# Roles and goals -----------------------------------------------------------------------------------
DEV = r"(?:dev|devs|developer|engineer|programmer|coder)"
PYTHON_DEV = re.compile(rf"\bpython\s+{DEV}")
_JOBS = (r"teacher|nurse|accountant|lawyer|chemist|physicist|biologist|marketer|salesperson|designer|journalist|"
         r"musician|chef|doctor|pharmacist|architect|civil engineer|mechanical engineer|electrical engineer|"
         r"consultant|economist|banker|translator|writer|lecturer|statistician|mathematician|actuary|researcher in \w+")
# A PhD held, not one under way ("I have a physics PhD", "PhD in maths"; not "PhD student", "doing a PhD"):
# someone coming to ML from research in another field.
_DONE_PHD = (r"(?:\b(?:have|hold|got|finished|completed|earned)\s+(?:an?\s+|my\s+)?(?:[\w-]+\s+){0,2}?)?"
             r"(?<!doing a )(?<!pursuing a )(?<!doing my )(?<!in my )(?<!during my )(?<!starting a )"
             r"\b(?:phd|ph\.d\.?|doctorate)(?!\s+(?:student|candidate|program|programme|researcher|position|"
             r"application|applicant)s?\b)")
BACKGROUNDS = [  # most specific first
    ("data_scientist", r"\bdata scientist\b"),
    ("data_engineer", r"\b(?:data|etl|big data|analytics) engineers?\b"),
    ("qa_engineer", rf"\b(?:qa|quality assurance|automation|software test|test)(?:\s+automation)?\s+(?:{DEV}|analyst|tester)s?\b"
                    rf"|\bsoftware testers?\b|\bsdet\b|\bqa\b(?=\s*(?:here|,|\.|$))"),
    ("data_analyst", r"\b(?:data|business|bi|financial|marketing|product|reporting)?\s*analyst\b"
                     r"|\bbusiness intelligence\b"),
    ("devops_engineer", rf"\bdevops(?:\s+{DEV})?\b|\bsre\b|\bsite reliability engineer\b|\bsys ?admins?\b"
                        rf"|\bsystems? administrators?\b|\binfrastructure engineers?\b"),
    ("software_engineer", rf"\b(?:software|backend|back-end|back end|frontend|front-end|front end|full[- ]?stack|"
                          rf"web|mobile|java|python|golang|go|\.net|c#|ios|android|game|platform|cloud)"
                          rf"\s+{DEV}\b|\bswe\b|\bprogrammer\b|\bdeveloper\b|\bsoftware engineer(?:ing)?\b"),
    ("career_changer", rf"\bswitch(?:ing)? careers?\b|\bcareer (?:change|changer|switch|switcher|pivot|transition)\b"
                       rf"|\bchang(?:e|ing) careers?\b|\bpivot(?:ing)? (?:from|into|to)\b"
                       rf"|\bnon-?tech(?:nical)? background\b"
                       rf"|\bno (?:tech|technical|coding|programming|it|cs|computer science) (?:background|experience)\b"
                       rf"|\bfrom (?:teaching|nursing|accounting|law|sales|retail|hospitality|journalism)\b"
                       rf"|\b(?:former|ex-?)\s*(?:{_JOBS})\b|\b(?:{_JOBS})s?\b"
                       rf"|{_DONE_PHD}"),
    ("student", r"\bstudent\b|\bundergrad(?:uate)?\b|\bphd\b|\bfreshman\b|\bsophomore\b|\bstudying\b|\bfinal year\b"
                r"|\b(?:cs|computer science) (?:degree|grad(?:uate)?)\b|\bdegree in (?:cs|computer science)\b"
                r"|\bin college\b|\b(?:i'm|i am|im) (?:at|in) (?:college|university|uni)\b"),
]
# A role counts as the learner's own only when they say so ("I'm a nurse", "I work as", "former
# teacher", "my background is") or it opens a clause ("Backend dev here", "nurse, no coding"); a role
# named in a question ("what's the difference between an ML engineer and a data scientist?") does not.
SELF_BEFORE = re.compile(r"(?:\bi'm|\bi am|\bim|\bi work as|\bworking as|\bwork as|\bi've been|\bi have been"
                         r"|\bbeen|\bcurrently|\bformer|\bex-?|\bmy background is(?: in)?|\bi was|\bas an?|\bmy job is"
                         r"|\bmy role is|\bme:?)\s+(?:an?\s+|the\s+)?(?:[\w+#.-]+\s+){0,3}$")
CLAUSE_OPENING = re.compile(r"^\W*(?:(?:an?|the|so|hi|hello|hey|well|ok|okay|senior|junior|lead|staff|principal|"
                            r"experienced|qualified|certified|trained|registered|\d+\s*(?:yo|years? old)|[\w+#.-]+)\s+){0,3}$")
# "a data scientist friend": someone else's role.
OTHER_PERSON_AFTER = re.compile(r"^\s+(?:friend|colleague|coworker|co-worker|team|teammate|manager|boss|mentor|partner|"
                                r"wife|husband|brother|sister|dad|mom|mum|father|mother|son|daughter|cousin)s?\b")
CLAUSE_END = re.compile(r"[.!?;,:\n()]|\band\b|\bbut\b")
ROLE_WANTED_BEFORE = re.compile(r"\b(?:become|becoming|be|into|towards|to|want|as a future|aspiring|not)\s+"
                                r"(?:an?\s+)?$")
# A role's parenthesised tools are tools it uses: "backend engineer (Go, Postgres, Kubernetes)"; so are
# the skills right after "with" ("data engineer with Spark and Airflow", see facts.extract_profile_facts).
ROLE = rf"\b({DEV}s?|analysts?|scientists?|students?|grad(?:uate)?s?|sys ?admins?|(?:system|systems) administrators?|testers?|{_JOBS}s?)"
ROLE_TOOLS = re.compile(rf"{ROLE}\s*\(")
# Only these analysts write SQL by the job's definition (a business or marketing analyst may not).
SQL_ANALYST = re.compile(r"\b(?:data|bi|reporting|sql)\s+analyst|\bbusiness intelligence\b")
TRACKS = [  # specialised first, generalist last
    ("llm", r"\bllms?\b|\blarge language models?\b|\bgen ?ai\b|\bgenerative ai\b|\brag\b|\bretrieval[- ]augmented\b"
            r"|\bai agents?\b|\bagentic\b|\bllm agents?\b|\bchat ?bots?\b|\bai engineer(?:ing)?\b|\blangchain\b"
            r"|\blanggraph\b|\bgpt\b|\bfoundation models?\b|\bprompt engineering\b"
            r"|\bai[- ](?:features?|powered|apps?|applications?|assistants?|products?)\b"),
    ("mlops", r"\bml ?ops\b|\bml infrastructure\b|\bml platforms?\b|\bml pipelines?\b|\bmodel deployment\b"
              r"|\bdeploy(?:ing)? (?:ml |machine learning )?models\b|\bproduction ml\b|\bml in production\b"),
    ("cv", r"\bcomputer vision\b|\bimage (?:recognition|classification|processing)\b|\bobject detection\b"
           r"|\bvision models?\b|\bmedical imaging\b|\bself-driving\b"),
    ("nlp", r"\bnlp\b|\bnatural language processing\b|\btext classification\b|\bsentiment analysis\b"
            r"|\btext mining\b"),
    ("data_science", r"\bdata science\b|\bdata scientist (?:role|job|position)s?\b|\bbecome an? data scientist\b"),
    ("generalist", r"\bml engineer(?:ing)?\b|\bmachine learning engineer(?:ing)?\b|\bmle\b|\bgeneralist\b"
                   r"|\ball-?round(?:er)?\b"),
]
GOAL_WORDS = re.compile(
    r"\b(?:want|wants|wanna|would like|'d like|goal|aim|aiming|hope|hoping|plan to|planning to|interested in|"
    r"focus on|get into|getting into|move into|moving into|transition(?:ing)? (?:in)?to|switch(?:ing)? to|become|"
    r"becoming|be an?|specialis[ei]|specializ[ei]|build|building|aspire|dream|looking to|trying to|keen on|"
    r"career in)\b")

# A goal that is not a track (agent.plan.goals): the words after a goal phrase, up to the clause's end
# or a horizon, name it ("my goal is deep learning", "want to get into data engineering").
_GOAL_WHAT = (r"(?P<what>[^.,;:!?\n()]+?)(?=\s+(?:in|within|by|over|for|before)\s+(?:the next\s+)?\d"
              r"|\s+(?:and|but|so)\s+(?:i|i'm|im|my)\b|[.,;:!?\n()]|$)")
GOAL_PHRASE = re.compile(
    r"(?:\b(?:goal|aim|target|focus|dream)\s*(?:is|would be|:|-)\s*(?:to\s+(?:learn|study|master|do|get into|go into|"
    r"move into|break into)\s+)?|\b(?:get|getting|go|going|move|moving|break|breaking|dive|diving)\s+into\s+"
    r"|\b(?:focus|focusing|concentrate|concentrating)\s+on\s+|\bspeciali[sz](?:e|ing)\s+in\s+|\binterested\s+in\s+"
    r"|\bcareer\s+in\s+|\bkeen\s+on\s+|\bpassionate\s+about\s+|\baim(?:ing)?\s+(?:for|at)\s+"
    r"|\b(?:help|teach)\s+me\s+(?:learn|study|master|get into)\s+|\b(?:plan|roadmap|path)\s+(?:for|to|towards)\s+"
    r"|\bwant\s+(?!to\b)|\b(?:want|wanna|would like|'d like|would love|'d love|hope|hoping|plan|planning|aim|aiming|"
    r"looking|trying)\s+to\s+(?:learn|study|master|do|pick up|get better at|work (?:in|on|with))\s+)" + _GOAL_WHAT)
# "deep learning is my goal": a clause of skills and nothing else, named the goal after it.
GOAL_BEFORE_IS = re.compile(r"(?:^|[.,;:!?\n]|\band\b)\s*(?P<what>[a-z][^.,;:!?\n()]{0,60}?)\s+(?:is|are|would be)\s+"
                            r"(?:my|the)\s+(?:main\s+|end\s+|real\s+)?(?:goal|aim|target|focus|dream)\b")
# "deep learning in 6 months": a clause of skills and nothing else, before a deadline ("Python for 3
# years" is experience, not a goal: only "in", "within", "by" set one).
GOAL_BEFORE_HORIZON = re.compile(r"(?:^|[.,;:!?\n]|\band\b)\s*(?P<what>[a-z][^.,;:!?\n()]{0,60}?)\s+(?:in|within|by)"
                                 r"\s+(?:the next\s+)?\d+(?:\.\d+)?\s*-?\s*(?:months?|weeks?|years?)\b(?!\s+ago\b)")
GOAL_FILLER = {"and", "or", "also", "then", "the", "some", "basics", "of", "goal", "target", "learn", "master", "really"}
# The whole field, not a skill to aim at: "get into ML" still leaves the direction to ask.
BROAD_GOALS = re.compile(r"\b(?:machine learning|ml|ai|artificial intelligence|tech|it)\b")
# ML specialisations the guides mention at most in passing, with no skills or plan for them.
UNCOVERED_TOPICS = [
    ("recommender systems", r"\brecommend(?:er|ation)s?(?: systems?| engines?)?\b|\brecsys\b"),
    ("reinforcement learning", r"\breinforcement learning\b"),
    ("robotics", r"\brobotics\b|\brobots?\b"),
    ("time-series forecasting", r"\btime[- ]series(?: forecasting)?\b|\bforecasting\b"),
    ("speech and audio", r"\bspeech(?: recognition)?\b|\baudio\b"),
    ("bioinformatics", r"\bbioinformatics\b|\bcomputational biology\b"),
    ("quantitative finance", r"\bquant(?:itative)? (?:finance|trading)\b|\balgorithmic trading\b"),
    ("ML for chemistry and drug discovery", r"\bdrug discovery\b|\bmolecul(?:e|es|ar)\b|\bcheminformatics\b"),
    ("ML research", r"\bresearch side\b|\bml research(?:er)?\b|\bresearch (?:scientist|roles?|track|path)\b"
                    r"|\breading (?:research )?papers\b"),
]
# Where the guides do name one of them: said with it, so "no learning path" is not read as "never mentioned".
UNCOVERED_MENTIONS = {
    "recommender systems": "they name it only as a project idea",
    "reinforcement learning": "they name it only in passing, as a specialisation and a project idea",
}

# "what if I already have a physics PhD?", "and if I already know PyTorch?", "suppose I'm a data
# scientist": a statement about the learner, asked as a question (facts reads what follows as said).
HYPOTHETICAL = re.compile(r"(?:^|(?<=[.!?\n]))\s*(?:(?:and|but|so|ok|okay|hmm|well)\W+)?(?:what\s+(?:about\s+)?if|if|suppose|"
                          r"supposing|assuming|assume|imagine|say|let's say|what about if)\s+(?:that\s+)?"
                          r"(?=(?:i|i'm|im|i've|ive|my)\b)")
# A field studied implies only what any degree in it teaches (corpus/skills.yaml `studies`): "PhD in
# physics", "maths degree", "I studied statistics", "physicist".
_DEGREE = r"(?:phd|ph\.d\.?|doctorate|master'?s|msc|m\.sc|bsc|b\.sc|ba|degree|diploma|major|majored|studied|graduated)"
def study_patterns(field: str) -> re.Pattern:
    """Where `field` (a regex) is said as what the learner studied."""
    return re.compile(rf"\b(?:{_DEGREE}|background)\b(?:\s+[\w'-]+){{0,2}}?\s+(?:in|of)\s+(?:applied\s+|theoretical\s+|pure\s+)?(?:{field})\b"
                      rf"|\b(?:{field})\s+(?:{_DEGREE}|graduate|grad|background|teacher|lecturer|tutor|professor|instructor)\b"
                      rf"|\b(?:teach|teaches|teaching|taught)\s+(?:high[- ]school\s+|school\s+|university\s+)?(?:{field})\b")
_ENGINEERING = r"mechanical|electrical|electronic|civil|chemical|aerospace|industrial"
STUDY_FIELDS = {  # field id in skills.yaml `studies` → how it is said; the people who practise it
    "physics": (r"physics|astrophysics", r"physicists?|astrophysicists?"),
    "mathematics": (r"math|maths|mathematics", r"mathematicians?"),
    "statistics": (r"statistics|stats", r"statisticians?"),
    "actuarial_science": (r"actuarial science", r"actuar(?:y|ies)"),
    "economics": (r"economics|econometrics", r"economists?|econometricians?"),
    "engineering": (rf"(?:{_ENGINEERING}) engineering", rf"(?:{_ENGINEERING}) engineers?"),
}
# "I'm learning Python", "currently studying SQL": a skill under way (counted half done), not a goal.
LEARNING_NOW = re.compile(r"\b(?:i'm|i am|im|currently|still|been)\s+(?:\w+\s+){0,2}?(?:learning|studying)\s+")
# "ML in healthcare": a goal in an industry the guides name ("Pick one industry (healthcare, finance or
# marketing)"): the generalist track with business domain understanding as a goal skill.
INDUSTRY_GOAL = re.compile(r"\b(?:ml|machine learning|ai|data science)\s+(?:in|for)\s+(?:the\s+)?(?:healthcare|health ?care|"
                           r"medicine|the medical field|hospitals|finance|fintech|banking|insurance|marketing|retail)\b")

# Time ----------------------------------------------------------------------------------------------
HOURS = re.compile(r"(?<![\w.])(?<![\s(]-)(?<!^-)(\d+(?:\.\d+)?)(?:\s*(?:-|–|to|or)\s*\d+(?:\.\d+)?)?\s*(?:h|hr|hrs|hour|hours)\b")
PER_WEEK = re.compile(r"^\s*(?:/\s*|per\s+|a\s+|an\s+|each\s+|every\s+|in\s+a\s+|on\s+|over\s+(?:the\s+)?)?"
                      r"(?:week|wk|w|weekend|weekends)\b|^\s*(?:weekly|pw)\b")
PER_DAY = re.compile(r"^\s*(?:/\s*|per\s+|a\s+|each\s+|every\s+|on\s+)?"
                     r"(?:day|night|evening|weekday|morning|workday)s?\b|^\s*(?:daily|nightly)\b")
PER_MONTH = re.compile(r"^\s*(?:/\s*|per\s+|a\s+|each\s+|every\s+)?(?:month|mo)\b|^\s*monthly\b")
PER_SESSION = re.compile(r"^\s*(?:each|per session|a session|per evening|a night)\b")
# "I have 10 hours": hours without a period count as a week's only after words like these.
BARE_HOURS = re.compile(r"\b(?:have|got|spend|spare|give|dedicate|put in|commit|invest|study|do|can do|about|"
                        r"around|roughly|maybe|only|just|max|maximum)\s+(?:about\s+|around\s+|roughly\s+)?$")
NOT_STUDY_HOURS = re.compile(r"^\s*(?:long|of video|video)")
FULL_TIME = re.compile(r"\bfull[- ]time\b")
WORKS_FULL_TIME = re.compile(r"\b(?:work|job|working|employed)\w* full[- ]time\b")
DAYS_A_WEEK = re.compile(r"\b(\d)\s*(?:days|evenings|nights|mornings|times|sessions)\s*(?:a|per|each|every|/)\s*week\b")
WEEKENDS = re.compile(r"\bweekends?\b|\bsaturdays? and sundays?\b")
WEEKDAYS = re.compile(r"\bweekdays?\b|\bworkdays?\b|\bmonday to friday\b")
DURATION = re.compile(r"(?<![\w.])(?<![\s(]-)(?<!^-)(\d+(?:\.\d+)?)\s*-?\s*(months?|mos?|weeks?|wks?|years?|yrs?)\b")
# "within a year", "in 6 months": a deadline, which beats a plain duration ("learning Python for 2 months").
DEADLINE_BEFORE = re.compile(r"\b(?:in|within|by|before|next)\s+(?:the\s+)?(?:next\s+)?(?:about\s+|around\s+)?$")
EXPERIENCE_BEFORE = re.compile(r"\b(?:been|worked|working|experience|spent|past|last|since|coding|programming|"
                               r"employed)\s+(?:\w+\s+){0,4}$"
                               r"|\b(?:haven'?t|havent|have not|hasn'?t|not)\s+(?:\w+\s+){1,2}(?:in|for)\s+$"  # "haven't coded in 4 years"
                               r"|\b(?:dev|developer|engineer|analyst|scientist|programmer|teacher|nurse|job|role|tester|"
                               r"manager|designer|admin|sysadmin|consultant|accountant|researcher|qa|ops|devops|"
                               r"sales|marketing|finance|support)s?\s+(?:for\s+)?$"
                               r"|\b\w{3,}(?:er|or|ist|ant|ian)s?\s+for\s+$")  # "QA tester for 5 years"
# "Give me a 9 month roadmap": the plan's own length, which beats any other duration.
PLAN_AFTER = re.compile(r"^\s*(?:-?\s*long\s+)?(?:plan|roadmap|program|programme|schedule|path)\b", re.IGNORECASE)
EXPERIENCE_AFTER = re.compile(r"^\s*(?:of\b|ago\b|old\b|experience\b|in (?:the )?(?:industry|role|job)\b|now\b"
                              r"|already\b)")
# "3 months 20h": a lone number of hours with no period, not experience ("spent 200 hours"), is a week's.
LONE_HOURS_MAX = 60
SPENT_BEFORE = re.compile(r"\b(?:spent|spend|been|took|takes|watched|logged|over|video|course is)\s+(?:\w+\s+){0,2}$")
PACE_BEFORE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:h|hrs?|hours?)\s*(?:a|per|each|every|/)\s*$")

# Tastes --------------------------------------------------------------------------------------------
CLOUDS = [("aws", r"\baws\b|\bamazon web services\b|\bsagemaker\b"),
          ("gcp", r"\bgcp\b|\bgoogle cloud\b|\bvertex ai\b"),
          ("azure", r"\bazure\b")]
FORMATS = [("courses", r"\bcourses?\b|\bmoocs?\b|\bvideos?\b|\bcoursera\b|\budemy\b|\bedx\b|\bclasses\b"
                       r"|\btutorials?\b"),
           ("books", r"\bbooks?\b|\btextbooks?\b|\bprefer reading\b|\blike reading\b|\blove reading\b")]
# "I've done Andrew Ng's course", "I passed the AI Practitioner": a certification held, not a goal.
HELD_BEFORE = re.compile(r"\b(?:done|did|finished|completed|passed|got|have|hold|earned|took|taken)\s+(?:\w+\s+){0,3}$")
# "want to learn deep learning & computer vision": skills named as what the learner wants to learn.
WANT_TO_LEARN = re.compile(r"\b(?:want|wanna|would like|'d like|hope|hoping|plan|planning|need|aim|aiming)\s+to\s+"
                           r"(?:learn|study|master|pick up|get better at|dive into|go deeper (?:in|into))\s+"
                           r"(?P<what>[^.;!?]+?)(?=[,.;!?]\s*\d|[.;!?]|$)")
PROVIDER_CERTIFICATION = {"aws": "aws_ml_associate", "gcp": "google_pmle"}
CERTIFICATION = re.compile(r"\bcert(?:s|ification|ifications|ificate|ificates|ified)?\b")
