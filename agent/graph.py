"""The careerbot graph. Read this file to see the whole flow:

    route ─┬─ question ─► retrieve ─┬─► compose ─► verify ─► respond
           │                        └─ nothing relevant (off topic / not covered) ─► respond
           ├─ plan ─────► build_plan (asks one question back when the profile lacks what matters;
           │               once a plan exists, "make it 4 months", "skip the maths"… edit it) ─► respond
           └─ greeting / injection ─────────────────────────────────────────────────► respond
"""

from __future__ import annotations

from langgraph.graph import END, START, StateGraph

from agent.nodes.answering import compose, retrieve, verify
from agent.nodes.deps import Deps
from agent.nodes.planning import build_plan
from agent.nodes.respond import respond
from agent.nodes.routing import after_retrieve, after_route, route
from agent.state import ChatState


def build_graph(checkpointer=None):
    """The compiled graph. It holds no parts: each run gets them as its context (`Deps`, passed
    as `context=` to stream / invoke), and the nodes that need them read `runtime.context`."""
    graph = StateGraph(ChatState, context_schema=Deps)
    for node in (route, retrieve, compose, verify, build_plan, respond):
        graph.add_node(node.__name__, node)
    graph.add_edge(START, "route")
    graph.add_conditional_edges("route", after_route, ["retrieve", "build_plan", "respond"])
    graph.add_conditional_edges("retrieve", after_retrieve, ["compose", "respond"])
    graph.add_edge("compose", "verify")
    graph.add_edge("verify", "respond")
    graph.add_edge("build_plan", "respond")
    graph.add_edge("respond", END)
    return graph.compile(checkpointer=checkpointer)
