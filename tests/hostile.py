"""A vault with everything real vaults (and attackers) contain: broken files, traps, scripts."""

from __future__ import annotations

import os
from pathlib import Path

XSS = "<img src=x onerror=window.__xss=1>"
SCRIPT = "<script>window.__xss=2</script>"
LONG_NAME = "가" * 80 + ".md"  # 240 bytes of Hangul + ".md" = 243 bytes


def make_hostile_vault(root: Path, outside: Path) -> Path:
    """Write the hostile vault under ``root``; ``outside`` gets a secret that must never leak."""
    vault = root
    (vault / "폴더").mkdir(parents=True)
    (vault / "비공개").mkdir()
    (vault / ".obsidian").mkdir()
    (vault / ".trash").mkdir()
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.md").write_text("# 비밀\nTOP-SECRET-OUTSIDE", encoding="utf-8")
    (outside / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\nTOP-SECRET-PNG")

    def write(rel: str, text: str) -> None:
        (vault / rel).write_text(text, encoding="utf-8")

    write(
        "홈.md",
        f"""---
title: "홈 {XSS}"
aliases: ["{XSS}", "{SCRIPT}"]
tags: [정상, "{XSS}"]
---
# 람다 요약 {SCRIPT}

- 람다는 ==메모리 {XSS} 128MB ~ 10GB== 이고 [[{XSS}]] [[폴더/노트 A#없는 제목]] [[노트 A#^없는블록]]
- 밖으로: ![[../outside/secret.md]] ![](../../outside/secret.png) [x](..%2F..%2Foutside%2Fsecret.md) ![[/etc/passwd]]
- 심링크: ![[link-out.png]] [[link-out-note]]
- 비공개: [[일기]] ![[일기]]
- 같은 이름: [[개요]]
- 순환: ![[순환 A]]
- 자기 자신: ![[홈]]
- 표: | {XSS} |
#{"태그"} <b>굵게</b> {SCRIPT}
""",
    )
    write("폴더/노트 A.md", "# 노트 A\n\nLambda 최대 실행 시간: 900초\n")
    write("폴더/개요.md", "# 개요 1\n")
    write("비공개/개요.md", "# 개요 2\n")
    write("비공개/일기.md", "---\npublish: false\n---\n# 비밀 일기\nPRIVATE-DIARY-TEXT [[홈]]\n")
    write("순환 A.md", "# A\n![[순환 B]]\n")
    write("순환 B.md", "# B\n![[순환 A]]\n")
    write(".obsidian/workspace.md", "OBSIDIAN-CONFIG-TEXT")
    write(".trash/지운 노트.md", "TRASHED-NOTE-TEXT")
    write("빈 노트.md", "")
    write("front matter만.md", "---\ntags: [a]\n---\n")
    write("깨진 front matter.md", "---\ntags: [a\ntitle: x\n---\n# 본문은 남는다\n")
    write("닫히지 않은 강조.md", "# 강조\n==열린 하이라이트\n**열린 굵게\n")
    (vault / "cp949 노트.md").write_bytes("# 한국어 윈도우\n람다 메모리 10GB\n".encode("cp949"))
    (vault / "깨진 바이트.md").write_bytes(b"# ok\n\xff\xfe\xfa\n")
    (vault / "nul.md").write_bytes("# 널\n가\x00나\n".encode())
    (vault / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (vault / "bom crlf.md").write_bytes(b"\xef\xbb\xbf# BOM\r\n\r\n- CRLF\r\n")
    write(
        "큰 노트.md", "# 큰 노트\n\n" + ("람다는 서버리스 컴퓨팅 서비스이다. " * 20 + "\n\n") * 2600
    )
    write("깊은 목록.md", "".join("  " * i + f"- 단계 {i}\n" for i in range(400)))
    header = "| " + " | ".join(f"c{i}" for i in range(300)) + " |\n"
    write(
        "넓은 표.md",
        header + "|" + "---|" * 300 + "\n" + "| " + " | ".join("x" for _ in range(300)) + " |\n",
    )
    write(LONG_NAME, "# 긴 이름\n")
    os.symlink(outside / "secret.png", vault / "link-out.png")
    os.symlink(outside / "secret.md", vault / "link-out-note.md")
    return vault


#: Text that must never reach any built file.
NEVER = (
    "TOP-SECRET-OUTSIDE",
    "TOP-SECRET-PNG",
    "PRIVATE-DIARY-TEXT",
    "비밀 일기",
    "OBSIDIAN-CONFIG-TEXT",
    "TRASHED-NOTE-TEXT",
)
