"""Answer composition: what kind of question it is (kind), which passages answer it (context),
the cited skeleton of the answer (compose, personal, points), the plain extractive answer
(extractive) and the prompts that let the model rewrite the skeleton into prose (prompts).

Kept free of imports on purpose: agent.grounding's fallback imports `agent.answer.extractive`,
which in turn reads agent.grounding's evidence ranking."""
