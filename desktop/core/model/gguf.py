"""What a GGUF file says about itself, read from its header without loading the model:
architecture, name, size in parameters, quantization, context length, chat template."""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

# GGUF value types (the format's own numbering) and how each is packed.
_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
_STRING, _ARRAY = 8, 9
# llama.cpp's file types (general.file_type): the quantization most of the file has.
FILE_TYPES = {0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K",
              11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S",
              17: "Q5_K_M", 18: "Q6_K", 19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS",
              23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL", 26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S", 29: "IQ2_M",
              30: "IQ4_XS", 31: "IQ1_M", 32: "BF16", 36: "TQ1_0", 37: "TQ2_0", 38: "MXFP4"}
MAX_KEYS = 100_000  # a header claiming more is not a GGUF file
MAX_STRING = 64 << 20  # the longest string read (a tokenizer's vocabulary entries are short)


class GGUFError(ValueError):
    """The file is not a GGUF file, or its header is cut short."""


@dataclass(frozen=True)
class GGUFInfo:
    architecture: str
    name: str
    parameters: str  # as the file states it ("1.5B"), or "" when it does not
    quantization: str
    context_length: int
    chat_template: bool
    version: int
    tensors: int

    def lines(self) -> list[tuple[str, str]]:
        """What a user asks of a model file, as label and value."""
        return [("Name", self.name or "not stated"), ("Architecture", self.architecture or "not stated"),
                ("Parameters", self.parameters or "not stated"), ("Quantization", self.quantization or "not stated"),
                ("Context length", f"{self.context_length:,} tokens" if self.context_length else "not stated"),
                ("Chat template", "yes" if self.chat_template else "no: it cannot be used for summaries"),
                ("GGUF version", str(self.version))]


class _Reader:
    def __init__(self, f):
        self.f = f
        self.size = os.fstat(f.fileno()).st_size

    def read(self, n: int) -> bytes:
        data = self.f.read(n)
        if len(data) != n:
            raise GGUFError("the file ends inside its header")
        return data

    def scalar(self, code: str):
        return struct.unpack("<" + code, self.read(struct.calcsize(code)))[0]

    def string(self) -> str:
        n = self.scalar("Q")
        if n > MAX_STRING:
            raise GGUFError("a string in the header is too long")
        return self.read(n).decode("utf-8", "replace")

    def value(self, kind: int):
        """A value of type `kind`; arrays are skipped (None): no fact shown needs one."""
        if kind in _SCALARS:
            return self.scalar(_SCALARS[kind])
        if kind == _STRING:
            return self.string()
        if kind == _ARRAY:
            item, count = self.scalar("I"), self.scalar("Q")
            if item in _SCALARS:  # a tokenizer's scores: skipped in one seek
                if self.f.seek(count * struct.calcsize(_SCALARS[item]), 1) > self.size:
                    raise GGUFError("the file ends inside its header")
                return None
            for _ in range(count):  # strings or nested arrays: read past them
                self.value(item)
            return None
        raise GGUFError(f"unknown value type {kind} in the header")


def read_info(path: Path) -> GGUFInfo:
    """The header's facts; GGUFError when the file is not a GGUF file (OSError when it
    cannot be read)."""
    with open(path, "rb") as f:
        r = _Reader(f)
        if r.read(4) != b"GGUF":
            raise GGUFError(f"{Path(path).name} is not a GGUF model file")
        version = r.scalar("I")
        if version not in (2, 3):
            raise GGUFError(f"{Path(path).name} is GGUF version {version}, which is not supported")
        tensors, count = r.scalar("Q"), r.scalar("Q")
        if count > MAX_KEYS:
            raise GGUFError(f"{Path(path).name} has a broken header")
        meta = {}
        for _ in range(count):
            key = r.string()
            kind = r.scalar("I")
            meta[key] = r.value(kind)
    arch = str(meta.get("general.architecture") or "")
    file_type = meta.get("general.file_type")
    return GGUFInfo(
        architecture=arch, name=str(meta.get("general.name") or ""),
        parameters=str(meta.get("general.size_label") or ""),
        quantization=FILE_TYPES.get(file_type, f"type {file_type}") if file_type is not None else "",
        context_length=int(meta.get(f"{arch}.context_length") or 0),
        chat_template=bool(meta.get("tokenizer.chat_template")), version=version, tensors=tensors)
