# Sourced by .ci/run: installs Debian's Chromium and its driver when missing, for the
# dashboard's browser tests, and tells the tests where they are. The tests start and
# stop the browser themselves, so nothing is left running here.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
	echo "== installing chromium and chromium-driver"
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi
TEST_CHROMIUM_BINARY="$(command -v chromium)"
TEST_CHROMEDRIVER="$(command -v chromedriver)"
export TEST_CHROMIUM_BINARY TEST_CHROMEDRIVER
echo "== $("$TEST_CHROMIUM_BINARY" --version) with $("$TEST_CHROMEDRIVER" --version | cut -d' ' -f1-2)"
