"""Runs the fault cases against the running test stack; exits 1 when any case fails.

python3 faults/faults.py [--short] [case ...]     (bin/faults.sh starts a stack and calls this)
"""

import argparse
import sys
import time
import traceback

import load
from cases import CASES, Timing
from stack import Stack, log

# The short form (make test) leaves out the cases that restart Keycloak and slow OPA: the first
# costs a Keycloak start (~30 s), the second shows what the slow PostgreSQL case shows for readiness.
SHORT = ["opa-killed", "postgres-killed", "portolan-killed", "slow-postgres", "postgres-disk-full"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--short", action="store_true", help="shorter loads and fewer cases (make test)")
    parser.add_argument(
        "cases", nargs="*", metavar="case", help="cases to run (default: all, or the short set): " + ", ".join(CASES)
    )
    args = parser.parse_args()
    unknown = [c for c in args.cases if c not in CASES]
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}; known: {', '.join(CASES)}")
    names = args.cases or (SHORT if args.short else list(CASES))
    stack = Stack()
    timing = Timing(args.short)
    began = time.monotonic()
    failed = []
    for name in names:
        log(f"case {name}")
        started = time.monotonic()
        try:
            stack.ensure_up()
            passed = CASES[name](stack, timing)
        except Exception:  # a broken case is a failed case; the others still run
            traceback.print_exc()
            print(f"[faults] FAIL {name} (the case itself broke)", flush=True)
            passed = False
        finally:
            load.stop_all()
        log(f"case {name} took {time.monotonic() - started:.0f} s")
        if not passed:
            failed.append(name)
    stack.ensure_up()  # make test goes on with this stack
    log(
        f"{len(names) - len(failed)}/{len(names)} cases passed in {time.monotonic() - began:.0f} s"
        + (f"; failed: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
