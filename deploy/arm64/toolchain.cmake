# CMake toolchain for building Vær med for arm64 (Raspberry Pi OS bookworm, 64-bit) on a
# Debian 12 amd64 machine, with Debian's cross compiler and Debian's multiarch :arm64 -dev
# packages. deploy/cross-arm64.sh installs all of it and uses this file; by hand:
#
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=deploy/arm64/toolchain.cmake \
#         -DVAERMED_ARM64_DEV=$PWD/build-arm64/arm64-dev
#
# VAERMED_ARM64_DEV (optional) is a folder with the few -dev packages that cannot be
# installed for arm64 beside their amd64 twins (see cross-arm64.sh), unpacked and fixed up.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_AR aarch64-linux-gnu-ar CACHE FILEPATH "")
set(CMAKE_RANLIB aarch64-linux-gnu-ranlib CACHE FILEPATH "")
set(CMAKE_STRIP aarch64-linux-gnu-strip CACHE FILEPATH "")

# Multiarch: the arm64 libraries live in /usr/lib/aarch64-linux-gnu of this very machine, so
# the root to search is / (never the amd64 folders: CMAKE_LIBRARY_ARCHITECTURE above picks the
# arm64 ones). Programs (cmake, msgfmt) are the build machine's own.
set(CMAKE_FIND_ROOT_PATH /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config must see the arm64 .pc files only: PKG_CONFIG_LIBDIR replaces the default search
# path (which would find the amd64 ones), PKG_CONFIG_PATH would only add to it.
set(_vm_pc_dirs /usr/lib/aarch64-linux-gnu/pkgconfig /usr/share/pkgconfig)
if(VAERMED_ARM64_DEV)
  list(PREPEND _vm_pc_dirs ${VAERMED_ARM64_DEV}/usr/lib/aarch64-linux-gnu/pkgconfig)
endif()
string(REPLACE ";" ":" _vm_pc_libdir "${_vm_pc_dirs}")
set(ENV{PKG_CONFIG_LIBDIR} "${_vm_pc_libdir}")
unset(ENV{PKG_CONFIG_PATH})
unset(ENV{PKG_CONFIG_SYSROOT_DIR})
# try_compile projects read this file again; hand them the same folder.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES VAERMED_ARM64_DEV)

# CTest runs every test program through qemu. No -L prefix: the arm64 dynamic loader and
# libraries are the multiarch ones under /lib/aarch64-linux-gnu, which qemu finds on its own
# (the cross toolchain's older copy in /usr/aarch64-linux-gnu would mix two glibc builds).
find_program(VAERMED_QEMU_AARCH64 NAMES qemu-aarch64-static qemu-aarch64)
if(VAERMED_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${VAERMED_QEMU_AARCH64})
endif()
