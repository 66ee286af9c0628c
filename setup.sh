#!/usr/bin/env bash
# Installs what FedSim needs on Debian / Ubuntu, idempotently:
#   - Fashion-MNIST from Debian's dataset-fashion-mnist package (/usr/share/datasets/fashion-mnist);
#   - g++ and patchelf, only when the system libstdc++ is older than TorchSharp's native library needs
#     (Debian 12): the build then patches libLibTorchSharp.so by itself (see build/torchsharp-compat/);
#   - iproute2 (ip, tc) for the real-network test, tests/netns/netns-test.sh.
# Uses sudo only when not already root. The .NET 10 SDK must be installed already.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v dotnet >/dev/null; then
    echo "setup: the .NET 10 SDK is not installed (no 'dotnet' on PATH)." >&2
    echo "setup: install it, e.g. 'sudo apt-get install dotnet-sdk-10.0' from Microsoft's package feed, then run this again." >&2
    exit 1
fi

packages=()
[[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz || -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte ]] \
    || packages+=(dataset-fashion-mnist)
# ip and tc live in sbin, which a non-root PATH may lack.
PATH="$PATH:/usr/sbin:/sbin" command -v ip >/dev/null && PATH="$PATH:/usr/sbin:/sbin" command -v tc >/dev/null \
    || packages+=(iproute2)
if bash build/torchsharp-compat/patch-libtorchsharp.sh --system-needs-patch; then
    command -v g++ >/dev/null || packages+=(g++)
    command -v patchelf >/dev/null || packages+=(patchelf)
fi

if [[ ${#packages[@]} -gt 0 ]]; then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    echo "setup: installing ${packages[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
