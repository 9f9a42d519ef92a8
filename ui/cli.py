"""The `careerbot` command line: ingest, stats, retrieve, ask, chat, plan, check, serve, eval."""

from __future__ import annotations

import argparse
import json
import logging
import sys

import ingest  # noqa: F401  (offline environment first)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.handler(args) or 0
    except KeyboardInterrupt:
        return 130
    except CareerbotError as error:
        print(f"careerbot: {error}", file=sys.stderr)
        return 2


class CareerbotError(Exception):
    """An error with a message meant for the user (no traceback)."""


def _runtime():
    from agent.runtime import Runtime

    return Runtime()


def _user_errors():
    """Library errors that mean 'the user can fix this': shown as one line, not a traceback."""
    from agent.retrieval import EmptyQuery
    from ingest.embedding import ModelError
    from ingest.store import StoreUnavailable

    return (EmptyQuery, ModelError, StoreUnavailable, FileNotFoundError, PermissionError, ValueError)


def _guarded(handler):
    def run(args):
        try:
            return handler(args)
        except _user_errors() as error:
            raise CareerbotError(str(error)) from error
    return run


# ingest / stats ---------------------------------------------------------------------------------
def cmd_ingest(args) -> int:
    runtime = _runtime()
    report = runtime.ingest(rebuild=args.rebuild, progress=not args.quiet)
    print(report.summary())
    if args.stats:
        _print_stats(runtime.store.stats())
    return 0


def cmd_stats(args) -> int:
    stats = _runtime().store.stats()
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


# retrieve -----------------------------------------------------------------------------------------
def cmd_retrieve(args) -> int:
    passages = _runtime().retriever.search(args.query, k=args.k, mode=args.mode, source=args.source, kind=args.kind)
    if args.json:
        print(json.dumps([p.to_json() for p in passages], indent=2, ensure_ascii=False))
        return 0
    for n, p in enumerate(passages, 1):
        print(f"[{n}] {p.score:.3f}  {p.heading_path}  ({p.source})")
        print(f"    {p.text[:300]}{'…' if len(p.text) > 300 else ''}\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="careerbot", description="Offline career advice for aspiring ML engineers.")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("ingest", help="bring the vector store in line with corpus/ (incremental)")
    p.add_argument("--rebuild", action="store_true", help="drop the store and embed everything again")
    p.add_argument("--stats", action="store_true", help="print store statistics afterwards")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(handler=_guarded(cmd_ingest))

    p = commands.add_parser("stats", help="documents and chunks in the store")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guarded(cmd_stats))

    p = commands.add_parser("retrieve", help="the passages a question finds")
    p.add_argument("query")
    p.add_argument("-k", type=int, default=5)
    p.add_argument("--json", action="store_true", help="a JSON list of {id, score, source, title, heading_path, text, ...}")
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default="hybrid")
    p.add_argument("--source", help="only this corpus file")
    p.add_argument("--kind", choices=["guide", "resource"], help="only guides or only resource entries")
    p.set_defaults(handler=_guarded(cmd_retrieve))
    return parser


if __name__ == "__main__":
    sys.exit(main())
