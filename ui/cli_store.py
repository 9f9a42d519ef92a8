"""`careerbot ingest`, `stats` and `retrieve`: the vector store and what a query finds in it."""

from __future__ import annotations

import json

from ui.cli_contract import guarded, top_k_option


def register(commands) -> None:
    """Add ingest, stats and retrieve to the `careerbot` subparsers."""
    p = commands.add_parser("ingest", help="bring the vector store in line with corpus/ (incremental)")
    p.add_argument("--rebuild", action="store_true", help="drop the store and embed everything again")
    p.add_argument("--stats", action="store_true", help="print store statistics afterwards")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(handler=guarded(cmd_ingest))

    p = commands.add_parser("stats", help="documents and chunks in the store")
    p.add_argument("--json", action="store_true", help="print the statistics as JSON")
    p.set_defaults(handler=guarded(cmd_stats))

    p = commands.add_parser("retrieve", help="the passages a question finds")
    p.add_argument("query", help="the question to search the guides for")
    p.add_argument("-k", type=top_k_option, default=None, help="how many passages (1-50; default: CAREERBOT_TOP_K, "
                                                         "the number the chat uses)")
    p.add_argument("--json", action="store_true", help="a JSON list of {id, score, source, title, heading_path, text, ...}")
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default="hybrid",
                   help="dense (MiniLM) and BM25 fused, or one of them alone")
    p.add_argument("--source", help="only this corpus file")
    p.add_argument("--kind", choices=["guide", "resource"], help="only guides or only resource entries")
    p.set_defaults(handler=guarded(cmd_retrieve))


def cmd_ingest(args) -> int:
    from agent.runtime import Runtime

    runtime = Runtime()
    report = runtime.ingest(rebuild=args.rebuild, progress=not args.quiet)
    print(report.summary())
    if args.stats:
        _print_stats(runtime.store.stats())
    return 0


def cmd_stats(args) -> int:
    from agent.runtime import Runtime

    stats = Runtime().store.stats()
    if args.json:
        print(json.dumps(stats, indent=2))
    else:
        _print_stats(stats)
    return 0


def _print_stats(stats: dict) -> None:
    print(f"store: {stats['mode']} (collection {stats['collection']})")
    print(f"{stats['documents']} sources, {stats['chunks']} chunks")
    for source, count in stats["per_source"].items():
        print(f"  {count:5d}  {source}")


def cmd_retrieve(args) -> int:
    from agent.runtime import Runtime

    runtime = Runtime()
    k = args.k if args.k is not None else runtime.settings.top_k
    passages = runtime.retriever.search(args.query, k=k, mode=args.mode, source=args.source, kind=args.kind)
    if args.json:
        print(json.dumps([p.to_json() for p in passages], indent=2, ensure_ascii=False))
        return 0
    for n, p in enumerate(passages, 1):
        print(f"[{n}] {p.score:.3f}  {p.heading_path}  ({p.source})")
        print(f"    {p.text[:300]}{'…' if len(p.text) > 300 else ''}\n")
    return 0

