#!/usr/bin/env bash
# Fetches ONNX Runtime's CPU library for linux-x64 into a per-user cache and verifies it.
#
# Why npm: the ONNX Runtime NuGet packages are not available to this build, but the same native
# library ships inside the npm package onnxruntime-node. `npm pack` downloads that tarball from
# whatever registry npm is configured with (no host name is written here), we check the tarball
# against the checksums the registry published for it, extract the one file we need and check
# that file against its own sha256. Nothing fetched here is ever committed.
#
# Usage: fetch-onnxruntime.sh [CACHE_DIR]
#   CACHE_DIR defaults to ${GATEWAY_ORT_CACHE:-$HOME/.cache/gateway/onnxruntime}/1.30.0
# Prints the verified library's path on the last line of stdout.
#
# Incremental: when the cached file is present its sha256 is checked and npm is not called.
# A cached file whose sha256 differs is refused, never silently replaced: it was changed after
# it was verified, and someone should look at why.
# Concurrency-safe: each run works in its own temp dir inside the cache dir and publishes the
# file with a rename(2), which is atomic on one file system; concurrent runs publish identical
# bytes and readers never see a partial file.
set -euo pipefail

readonly ORT_VERSION="1.30.0"
readonly NPM_PACKAGE="onnxruntime-node@${ORT_VERSION}"
readonly TARBALL_SHA1="8d4c4a75f31088ec846f08cccb62f3272a7bf44a"
readonly TARBALL_INTEGRITY="sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw=="
readonly MEMBER="package/bin/napi-v6/linux/x64/libonnxruntime.so.1"
readonly LIBRARY_SHA256="ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23"
readonly LIBRARY_NAME="libonnxruntime.so.1"

# MSBuild's Exec task recognises "origin: error CODE: text" and reports it as a build error.
fail() {
  local code="$1"
  shift
  echo "fetch-onnxruntime.sh: error ${code}: $*" >&2
  exit 1
}

require_tool() {
  command -v "$1" >/dev/null 2>&1 || fail "$2" "'$1' is required to fetch ONNX Runtime ${ORT_VERSION} but was not found on PATH. $3"
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

default_cache_root() {
  if [[ -n "${GATEWAY_ORT_CACHE:-}" ]]; then
    printf '%s' "${GATEWAY_ORT_CACHE}"
  elif [[ -n "${HOME:-}" ]]; then
    printf '%s' "${HOME}/.cache/gateway/onnxruntime"
  else
    fail ORT001 "neither GATEWAY_ORT_CACHE nor HOME is set; cannot choose a cache directory."
  fi
}

cache_dir="${1:-$(default_cache_root)/${ORT_VERSION}}"
target="${cache_dir}/${LIBRARY_NAME}"

require_tool sha256sum ORT002 "Install coreutils."

if [[ -f "${target}" ]]; then
  actual="$(sha256_of "${target}")"
  if [[ "${actual}" != "${LIBRARY_SHA256}" ]]; then
    fail ORT003 "cached ${target} has sha256 ${actual}, expected ${LIBRARY_SHA256}. The file changed after it was verified; delete it to fetch it again."
  fi
  echo "${target}"
  exit 0
fi

require_tool npm ORT004 "Install Node.js with npm, or place the verified ${LIBRARY_NAME} (sha256 ${LIBRARY_SHA256}) at ${target}."
for tool in tar sha1sum sha512sum base64 od mktemp; do
  require_tool "${tool}" ORT002 "Install coreutils and tar."
done

mkdir -p "${cache_dir}" 2>/dev/null || fail ORT008 "cannot create the cache directory ${cache_dir}."
work="$(mktemp -d "${cache_dir}/.fetch.XXXXXXXX")" || fail ORT008 "cannot create a temp directory in ${cache_dir}."
trap 'rm -rf "${work}"' EXIT

echo "Fetching ${NPM_PACKAGE} to extract ${LIBRARY_NAME} into ${cache_dir}" >&2
# Run npm from the temp dir so no project-level .npmrc or package.json takes part.
if ! (cd "${work}" && npm pack "${NPM_PACKAGE}" --pack-destination "${work}" --silent) >"${work}/npm.out" 2>"${work}/npm.err"; then
  cat "${work}/npm.err" >&2
  fail ORT005 "'npm pack ${NPM_PACKAGE}' failed (output above)."
fi
tarball="${work}/onnxruntime-node-${ORT_VERSION}.tgz"
[[ -f "${tarball}" ]] || fail ORT005 "'npm pack ${NPM_PACKAGE}' did not produce ${tarball##*/}."

actual_sha1="$(sha1sum "${tarball}" | cut -d' ' -f1)"
[[ "${actual_sha1}" == "${TARBALL_SHA1}" ]] \
  || fail ORT006 "${NPM_PACKAGE} tarball has sha1 ${actual_sha1}, expected ${TARBALL_SHA1}."

expected_sha512="$(printf '%s' "${TARBALL_INTEGRITY#sha512-}" | base64 -d | od -An -v -tx1 | tr -d ' \n')"
actual_sha512="$(sha512sum "${tarball}" | cut -d' ' -f1)"
[[ "${actual_sha512}" == "${expected_sha512}" ]] \
  || fail ORT006 "${NPM_PACKAGE} tarball does not match its integrity ${TARBALL_INTEGRITY}."

mkdir "${work}/x"
tar -xzf "${tarball}" -C "${work}/x" "${MEMBER}" \
  || fail ORT007 "${NPM_PACKAGE} tarball has no ${MEMBER}."
extracted="${work}/x/${MEMBER}"

actual="$(sha256_of "${extracted}")"
[[ "${actual}" == "${LIBRARY_SHA256}" ]] \
  || fail ORT006 "${MEMBER} from ${NPM_PACKAGE} has sha256 ${actual}, expected ${LIBRARY_SHA256}."

chmod 0644 "${extracted}"
# npm normalises mtimes to 1985; a current mtime keeps MSBuild's PreserveNewest copy honest.
touch "${extracted}"
mv -f "${extracted}" "${target}"
echo "${target}"
