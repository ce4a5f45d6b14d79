"""Guards the PySide6 pin: 6.12.0 on Python 3.11 corrupts the refcount of None.

A loop of QTextCursor.setPosition calls aborted the interpreter with
"Fatal Python error: none_dealloc". Run in a child process so an abort fails
this test instead of killing the whole run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

LOOP = textwrap.dedent(
    """
    import sys
    from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument
    app = QGuiApplication(sys.argv[:1])
    document = QTextDocument("نص عربي قصير " * 20)
    cursor = QTextCursor(document)
    length = document.characterCount() - 1
    for i in range(100_000):
        cursor.setPosition(i % length)
    print("ok", sys.getrefcount(None) > 0)
    """
)


def test_many_set_position_calls_do_not_corrupt_none() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", LOOP], capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok True"
