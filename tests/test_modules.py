"""Checks on the package's modules as source."""

import ast
from pathlib import Path

import assistant

PACKAGE = Path(assistant.__file__).resolve().parent


def _top_level_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names.extend(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return names


def test_no_module_binds_a_top_level_name_twice():
    # A second `_KNOWING` or `_ASKING_VERBS` further down intent.py silently replaced the
    # first for every function that read it: greetings before a question ("hoi, valt een
    # mural onder ...") were read as talk. Linters do not flag a constant bound twice.
    twice = {}
    for path in sorted(PACKAGE.glob("*.py")):
        names = _top_level_names(ast.parse(path.read_text(encoding="utf-8")))
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            twice[path.name] = repeated
    assert twice == {}


def test_the_check_sees_a_name_bound_twice():
    tree = ast.parse("A = 1\ndef f():\n    return A\nA = 2\n")
    assert _top_level_names(tree) == ["A", "f", "A"]
