"""Reading a live process's memory, as root on the server could, to look for key material.

The panic-seal tests use this to prove that no key of any level (root, epoch secrets,
purpose keys, case data keys, share text) is left in any server process after a seal.
It reads every readable mapping listed in ``/proc/<pid>/maps`` through ``/proc/<pid>/mem``
(root, or the same user with ptrace rights, is needed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from safepassage.cores.crypto import (
    Keyring,
    Purpose,
    combine_shares,
    unwrap_data_key,
)
from safepassage.cores.crypto.keys import _state_key

_MAPPING = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) (\S+)")


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its living descendants (zombies hold no memory and are left out)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        if not Path(f"/proc/{current}/maps").exists() or _is_zombie(current):
            continue
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                queue += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
    return found


def _is_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in {"Z", "X"}


def count_in_memory(pid: int, needles: dict[str, bytes]) -> dict[str, int]:
    """How often each needle occurs in the readable memory of ``pid`` (names, not bytes)."""
    counts = dict.fromkeys(needles, 0)
    try:
        maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
        mem = open(f"/proc/{pid}/mem", "rb", buffering=0)  # noqa: SIM115 - closed below
    except OSError:
        return counts  # the process is gone: nothing left to read
    with mem:
        for line in maps:
            match = _MAPPING.match(line)
            if not match or not match.group(3).startswith("r") or "[vvar" in line:
                continue
            start, end = int(match.group(1), 16), int(match.group(2), 16)
            try:
                mem.seek(start)
                region = mem.read(end - start)
            except (OSError, OverflowError, ValueError):
                continue
            for name, needle in needles.items():
                counts[name] += region.count(needle)
    return counts


def key_material(
    shares: Iterable[str], state: bytes, wrapped_keys: Iterable[tuple[str, bytes]]
) -> dict[str, bytes]:
    """Every secret a server process could hold, named by kind: what the scan looks for."""
    share_texts = [share.strip() for share in shares]
    root = combine_shares(share_texts)
    ring = Keyring.open(root, state)
    needles: dict[str, bytes] = {"root": bytes(root), "state-key": _state_key(root)}
    for index, text in enumerate(share_texts, start=1):
        needles[f"share-{index}"] = text.encode("ascii")
    for epoch, secret in ring._epochs.items():
        needles[f"epoch-secret-{epoch}"] = bytes(secret)
        for purpose in Purpose:
            needles[f"{purpose.value}-{epoch}"] = ring.key_for(purpose, epoch)
    for number, (case_id, wrapped) in enumerate(wrapped_keys, start=1):
        needles[f"case-key-{number}"] = unwrap_data_key(ring, wrapped, case_id)
    ring.wipe()
    return needles


def found(counts: dict[str, int]) -> dict[str, int]:
    """Only the needles that were found."""
    return {name: count for name, count in counts.items() if count}
