"""The Godot 3 differential corpus, run through ``gdscript run --godot 3``.

Every program of ``tests/gd/godot3/`` must print what real Godot 3.2.3 printed
(the stored ``.out``/``.err``/``.code`` files, which
``test_godot3_expectations.py`` keeps honest).  The few programs that still
differ are listed in ``KNOWN_DIFFERENCES`` with the reason; they are strict
xfails, so one that starts to agree fails until it is taken off the list.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _load(name: str):
    sys.path.insert(0, str(SCRIPTS))
    try:
        spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(SCRIPTS))


corpus = _load("corpus_godot3")
TESTS = corpus.capture.corpus_tests()

# program -> why gdscript's output still differs from Godot 3.2.3's.
KNOWN_DIFFERENCES: dict[str, str] = {
    "class_dynamic_calls.gd": "Godot 3 lists script methods in the order of their StringName "
                              "pointers (a Map keyed by address), which is not reproducible",
    "signal_user_and_list.gd": "Godot 3 lists script signals in the order of their StringName "
                               "pointers, which is not reproducible",
    "dict_keys_types.gd": "1, 1.0 and true are one Dictionary key here (Python dict), three "
                          "in Godot (see stdlib/dictionary.py)",
    "error_engine_method_args.gd": "a native method returning a null Object gives a typed "
                                   "null ([Object:null]) in Godot 3; here it is plain null",
}

REQUIRED_AGREEMENT = 0.97


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[bool, str]]:
    return {test.name: (same, diff) for test, same, diff in corpus.run_corpus(TESTS, jobs=2)}


def test_known_differences_are_few():
    assert all(name in {t.name for t in TESTS} for name in KNOWN_DIFFERENCES)
    assert 1 - len(KNOWN_DIFFERENCES) / len(TESTS) >= REQUIRED_AGREEMENT


@pytest.mark.parametrize("test", TESTS, ids=[t.stem for t in TESTS])
def test_gdscript_prints_what_godot3_printed(test: Path, results, request):
    reason = KNOWN_DIFFERENCES.get(test.name)
    if reason is not None:
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))
    same, diff = results[test.name]
    assert same, diff
