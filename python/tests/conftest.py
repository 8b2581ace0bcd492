"""pytest setup: `import kurdi` from an install, from PYTHONPATH=<build>/python, or, as a fallback,
from a build tree next to the sources (build-python/python, build/python)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(HERE, "data")

try:
    import kurdi._kurdi  # noqa: F401
except ImportError:
    for cand in ("build-python/python", "build/python"):
        d = os.path.join(REPO, cand)
        if os.path.isdir(os.path.join(d, "kurdi")):
            sys.path.insert(0, d)
            for name in [m for m in sys.modules if m == "kurdi" or m.startswith("kurdi.")]:
                del sys.modules[name]
            break
