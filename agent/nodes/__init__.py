"""The graph's nodes (agent/graph.py wires them): each a small function of the state, plus, for
the nodes that need them, the shared parts in `Deps` (LangGraph's runtime context).

routing.py decides where a turn goes, answering.py answers a question from the guides (retrieve,
compose, verify), planning.py builds or edits the plan, respond.py settles every reply, and
events.py is how a node speaks to the reader while it runs."""
