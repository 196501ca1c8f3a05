"""llama-cpp-python's own OpenAI-compatible server, as the tests run it: with plain CPU weight
buffers, as the app loads its models (desktop.core.model.llama), since the AMX/repacked ones
segfault on the first decode on some CPUs (llama.cpp issue 20824) and the server has no
option for it. Arguments as `python -m llama_cpp.server`."""

import runpy

import llama_cpp.llama_cpp as bindings

_defaults = bindings.llama_model_default_params


def _plain_buffers():
    params = _defaults()
    params.use_extra_bufts = False
    return params


bindings.llama_model_default_params = _plain_buffers

if __name__ == "__main__":
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
