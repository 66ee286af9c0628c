#!/usr/bin/env bash
# Makes TorchSharp's native libLibTorchSharp.so loadable with a libstdc++ older
# than GCC 13 (e.g. Debian 12, which stops at GLIBCXX_3.4.30).
#
#   usage: patch-libtorchsharp.sh DIR [CACHE_DIR]
#          patch-libtorchsharp.sh --system-needs-patch
#             exit 0 when the system libstdc++ lacks GLIBCXX_3.4.32 (so builds
#             will patch, and g++ and patchelf are needed), 1 when it has it.
#
# DIR is the directory holding libLibTorchSharp.so (normally
# <output>/runtimes/linux-x64/native). CACHE_DIR receives the compiled helper
# binaries (default: $FEDSIM_COMPAT_CACHE, else ${TMPDIR:-/tmp}/fedsim-torchsharp-compat-<uid>).
# FEDSIM_SYSTEM_LIBSTDCXX overrides which libstdc++ is checked for GLIBCXX_3.4.32
# (testing aid; default: ldconfig -p, then the usual multiarch paths).
#
# libLibTorchSharp.so was linked against GCC 13's libstdc++ and requires
# GLIBCXX_3.4.32 for exactly one symbol, std::ios_base_library_init(). The fix:
#   1. build libfedsim_cxx_compat.so (fedsim_cxx_compat.cpp), which defines it,
#      next to the library;
#   2. patchelf: drop the symbol's version, add the shim as DT_NEEDED;
#   3. rename the now unused GLIBCXX_3.4.32 requirement to GLIBCXX_3.4.30
#      (elf_verneed_rename.cpp; patchelf cannot do this);
#   4. make sure RUNPATH contains $ORIGIN so the shim is found.
# The library is patched on a private copy and then renamed over the original,
# so a hard link into the NuGet cache is never modified.
#
# Does nothing (exit 0) when the system libstdc++ already has GLIBCXX_3.4.32 or
# when the library no longer requires it (already patched). Runs on every
# build, so the no-op paths must stay cheap.
set -euo pipefail

readonly TAG="patch-libtorchsharp"
readonly NEED_VERSION="GLIBCXX_3.4.32"
readonly SUBST_VERSION="GLIBCXX_3.4.30"
readonly SYMBOL="_ZSt21ios_base_library_initv"
readonly SHIM="libfedsim_cxx_compat.so"

die() {
    echo "$TAG: error: $*" >&2
    exit 1
}

[[ $# -ge 1 && $# -le 2 ]] || die "usage: $0 DIR [CACHE_DIR] | --system-needs-patch"

# Number of NUL-delimited strings in file $1 equal to $2. Version names live
# in .dynstr as whole strings; ".symtab" entries such as "sym@GLIBCXX_3.4.32"
# do not count. (grep -c rather than -q: with pipefail, an early exit of grep
# would make tr fail with SIGPIPE.)
count_strings() {
    tr '\0' '\n' <"$1" | LC_ALL=C grep -cxF -- "$2" || true
}

find_system_libstdcxx() {
    local ldconfig path
    if [[ -n ${FEDSIM_SYSTEM_LIBSTDCXX:-} ]]; then # override, e.g. for testing
        echo "$FEDSIM_SYSTEM_LIBSTDCXX"
        return
    fi
    ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
    if [[ -x $ldconfig ]]; then
        path=$("$ldconfig" -p 2>/dev/null | awk '$1 == "libstdc++.so.6" && /x86-64/ { print $NF; exit }') || true
        if [[ -n $path && -f $path ]]; then
            echo "$path"
            return
        fi
    fi
    for path in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6; do
        if [[ -f $path ]]; then
            echo "$path"
            return
        fi
    done
    if command -v g++ >/dev/null; then
        path=$(g++ -print-file-name=libstdc++.so.6)
        [[ $path == /* && -f $path ]] && echo "$path"
    fi
    return 0
}

# (a) A new enough libstdc++ needs no patch.
system_libstdcxx=$(find_system_libstdcxx)
system_is_new_enough() {
    [[ -n $system_libstdcxx && $(count_strings "$system_libstdcxx" "$NEED_VERSION") -gt 0 ]]
}
if [[ $1 == --system-needs-patch ]]; then
    system_is_new_enough && exit 1
    exit 0
fi
if system_is_new_enough; then
    exit 0
fi

dir=${1%/}
lib="$dir/libLibTorchSharp.so"
[[ -f $lib ]] || die "$lib not found"

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${2:-${FEDSIM_COMPAT_CACHE:-${TMPDIR:-/tmp}/fedsim-torchsharp-compat-$(id -u)}}

# Compiles $1 (a source in this directory) into $cache/$2 unless up to date.
# Written under a temporary name and renamed, so concurrent builds are safe.
build_cached() {
    local src="$script_dir/$1" out="$cache/$2" tmp
    shift 2
    if [[ -f $out && $out -nt $src ]]; then
        return
    fi
    mkdir -p "$cache"
    tmp=$(mktemp "$out.XXXXXX")
    if ! g++ "$@" -o "$tmp" "$src"; then
        rm -f "$tmp"
        die "compiling $src failed"
    fi
    chmod 755 "$tmp"
    mv -f "$tmp" "$out"
}

build_shim() {
    build_cached fedsim_cxx_compat.cpp "$SHIM" -std=c++17 -O2 -fPIC -shared -Wl,-soname,"$SHIM" -Wl,-z,defs
}

# Copies the cached shim into $dir (temp name + rename: never rewrite a
# library that a running process may have mapped).
install_shim() {
    local tmp
    if [[ -f $dir/$SHIM ]] && cmp -s "$cache/$SHIM" "$dir/$SHIM"; then
        return
    fi
    tmp=$(mktemp "$dir/.$SHIM.XXXXXX")
    cp "$cache/$SHIM" "$tmp"
    chmod 755 "$tmp"
    mv -f "$tmp" "$dir/$SHIM"
}

require_tools() {
    local missing=()
    command -v g++ >/dev/null || missing+=(g++)
    command -v patchelf >/dev/null || missing+=(patchelf)
    if [[ ${#missing[@]} -gt 0 ]]; then
        die "$lib requires $NEED_VERSION, which the system libstdc++ (${system_libstdcxx:-not found}) lacks." \
            "Patching it needs: ${missing[*]}. Install with 'apt-get install g++ patchelf' (or run the repository's setup script), then rebuild."
    fi
}

# (b) Already patched (or a TorchSharp build that no longer needs 3.4.32).
if [[ $(count_strings "$lib" "$NEED_VERSION") -eq 0 ]]; then
    # A patched library is useless without its shim; restore it if deleted.
    if [[ ! -f $dir/$SHIM ]] && [[ $(count_strings "$lib" "$SHIM") -gt 0 ]]; then
        require_tools
        build_shim
        install_shim
        echo "$TAG: restored missing $dir/$SHIM"
    fi
    exit 0
fi

# (c) Tools.
require_tools

# (d) Patch.
build_cached elf_verneed_rename.cpp elf_verneed_rename -std=c++17 -O2
build_shim
install_shim

work=$(mktemp "$dir/.libLibTorchSharp.so.XXXXXX")
trap 'rm -f "$work"' EXIT
cp --preserve=mode "$lib" "$work"

# The shim must be in the global search path only for this library: ask
# patchelf to add it (idempotent) and to unversion the one 3.4.32 symbol.
patchelf_args=(--clear-symbol-version "$SYMBOL")
if [[ $(count_strings "$work" "$SHIM") -eq 0 ]]; then
    patchelf_args+=(--add-needed "$SHIM")
fi
patchelf "${patchelf_args[@]}" "$work" || die "patchelf failed on $lib"

"$cache/elf_verneed_rename" "$work" "$NEED_VERSION" "$SUBST_VERSION" \
    || die "could not rewrite the $NEED_VERSION requirement of $lib"

runpath=$(patchelf --print-rpath "$work")
case ":$runpath:" in
    *':$ORIGIN:'* | *':$ORIGIN/:'*) ;;
    *) patchelf --set-rpath "\$ORIGIN${runpath:+:$runpath}" "$work" || die "patchelf --set-rpath failed on $lib" ;;
esac

[[ $(count_strings "$work" "$NEED_VERSION") -eq 0 ]] || die "internal error: $lib still requires $NEED_VERSION after patching"

mv -f "$work" "$lib"
trap - EXIT
echo "$TAG: patched $lib for ${system_libstdcxx:-the system libstdc++} (no $NEED_VERSION): $SYMBOL now provided by $SHIM"
