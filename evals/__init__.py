"""careerbot: evals."""
