/*
 * TEST-ONLY stand-in for Windows' bcryptprimitives.dll, for running Go 1.21+
 * Windows programs under wine 8.0 (Debian 12), which lacks this DLL: the Go
 * runtime calls ProcessPrng from it at start-up and dies without it.
 *
 * It forwards ProcessPrng to BCryptGenRandom (which wine has). smoke.sh
 * builds it with mingw-w64 into a throw-away WINEPREFIX. Never ship it, and
 * never copy it into dist/: real Windows 10/11 has the real DLL.
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
	(void)inst;
	(void)reason;
	(void)reserved;
	return TRUE;
}
