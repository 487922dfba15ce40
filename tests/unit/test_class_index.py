"""The lazy class index agrees with what the stdlib modules register."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from gdscript.stdlib import class_index, class_table

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_class_index.py"


def _build_index() -> dict[int, dict[str, str]]:
    spec = importlib.util.spec_from_file_location("make_class_index", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_index()


class TestClassIndex:
    def test_index_matches_the_modules(self) -> None:
        index = _build_index()
        assert class_index.CLASS_MODULES_4 == index[4]
        assert class_index.CLASS_MODULES_3 == index[3]

    def test_table_resolves_each_dialect(self) -> None:
        assert class_table(4)["HTTPClient"].__name__ == "HTTPClient"
        assert class_table(3)["HTTPClient"].__name__ == "HTTPClient3"
        assert "PoolByteArray" in class_table(3) and "PoolByteArray" not in class_table(4)
        assert class_table(4).get("NoSuchClass") is None
