"""The careerbot graph. Read this file to see the whole flow:

    route ─┬─ question ─► retrieve ─┬─► compose ─► verify ─► respond
           │                        └─ nothing relevant (off topic / not covered) ─► respond
           ├─ plan ─────► build_plan (asks one question back when the profile lacks what matters;
           │               once a plan exists, "make it 4 months", "skip the maths"… edit it) ─► respond
           └─ greeting / injection ─────────────────────────────────────────────────► respond
"""

from __future__ import annotations

from functools import partial

from langgraph.graph import END, START, StateGraph

from agent import nodes
from agent.nodes import Deps
from agent.state import ChatState


def build_graph(deps: Deps, checkpointer=None):
    graph = StateGraph(ChatState)
    for name in ("route", "retrieve", "compose", "verify", "build_plan", "respond"):
        graph.add_node(name, partial(getattr(nodes, name), deps=deps))
    graph.add_edge(START, "route")
    graph.add_conditional_edges("route", nodes.after_route, ["retrieve", "build_plan", "respond"])
    graph.add_conditional_edges("retrieve", nodes.after_retrieve, ["compose", "respond"])
    graph.add_edge("compose", "verify")
    graph.add_edge("verify", "respond")
    graph.add_edge("build_plan", "respond")
    graph.add_edge("respond", END)
    return graph.compile(checkpointer=checkpointer)
