"""Builds and installs the kurdi Python package without downloading anything.

    /usr/bin/python3 -m pip install --no-build-isolation .

This setup.py drives CMake itself (no scikit-build): it configures the repository with
-DKURDI_PYTHON=ON in build-pip/cmake (override with KURDI_BUILD_DIR), builds the pybind11 module
kurdi._kurdi against the running interpreter, and packages it with the pure-Python facade from
python/kurdi (including the .pyi stubs and py.typed). Needs: cmake, a C++20 compiler, ICU, and
Debian's pybind11-dev / python3-pybind11 + python3-dev.
"""
import os
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.abspath(__file__))


def version() -> str:
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        m = re.search(r"project\(kurdi VERSION ([0-9.]+)", f.read())
    return m.group(1) if m else "0.0.0"


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        build_dir = os.environ.get("KURDI_BUILD_DIR") or os.path.join(ROOT, "build-pip", "cmake")
        jobs = os.environ.get("KURDI_JOBS", "2")
        cfg = ["cmake", "-S", ROOT, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release", "-DKURDI_PYTHON=ON",
               "-DKURDI_TESTS=OFF", "-DKURDI_BENCH=OFF", "-DKURDI_SERVE=OFF", "-DKURDI_XAPIAN=OFF",
               f"-DPython_EXECUTABLE={sys.executable}"]
        if shutil.which("ninja") and not os.path.exists(os.path.join(build_dir, "Makefile")):
            cfg += ["-G", "Ninja"]
        subprocess.check_call(cfg)
        subprocess.check_call(["cmake", "--build", build_dir, "--target", "_kurdi", "-j", jobs])
        built = os.path.join(build_dir, "python", "kurdi")
        so = [f for f in os.listdir(built) if f.startswith("_kurdi") and f.endswith(".so")]
        if not so:
            raise RuntimeError(f"kurdi: the build produced no _kurdi module in {built}")
        dest = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(os.path.join(built, so[0]), dest)


os.makedirs(os.path.join(ROOT, "build-pip"), exist_ok=True)

setup(
    name="kurdi",
    version=version(),
    description="Central Kurdish (Sorani) text processing: normalization, tokenization, morphology, "
                "transliteration, numbers, language and legacy-font detection, spelling",
    python_requires=">=3.9",
    packages=["kurdi"],
    package_dir={"": "python"},
    package_data={"kurdi": ["py.typed", "*.pyi"]},
    ext_modules=[CMakeExtension("kurdi._kurdi")],
    cmdclass={"build_ext": CMakeBuild},
    extras_require={"dask": ["dask[bag,dataframe]", "distributed"], "test": ["pytest"]},
    options={"build": {"build_base": os.path.join("build-pip", "setuptools")},
             "egg_info": {"egg_base": "build-pip"}},
    zip_safe=False,
)
