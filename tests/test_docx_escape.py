"""Every printed value is escaped for XML exactly as Jinja's autoescape would (markupsafe's
entities), and a value marked safe passes as it is."""

from __future__ import annotations

import pytest
from markupsafe import escape

from matrix.render.docx.compile import make_environment


@pytest.mark.parametrize("value", ["市科技局", "A&B <牵头> 'x' \"y\"", 12, None, 1.5, "{_{ 括号 }_}"])
def test_a_value_is_escaped_as_autoescape_would(value: object) -> None:
    env = make_environment()
    printed = env.from_string("{{ v }}").render(v=value)
    expected = str(
        escape(value if not isinstance(value, str) else value.replace("{_{", "{{").replace("}_}", "}}"))
    )
    assert printed == expected


def test_safe_and_escaped_values_are_not_escaped_twice() -> None:
    env = make_environment()
    assert env.from_string("{{ v|safe }}").render(v="<w:br/>") == "<w:br/>"
    assert env.from_string("{{ v|e }}").render(v="a&b") == "a&amp;b"
    assert env.from_string("{{ v ~ w }}").render(v="<", w="&") == "&lt;&amp;"
