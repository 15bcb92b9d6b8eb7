# Hardening for release builds: the kiosk parses files from USB sticks, so it is built with
# Debian's hardening flags (stack protector, FORTIFY_SOURCE, PIE, full RELRO with immediate
# binding), taken from dpkg-buildflags with every hardening feature on, as Debian's own
# packages are. tests/deb checks the packaged binary with hardening-check.
#
# - The Debian package (debian/rules) gets the same flags from debhelper, which exports
#   CFLAGS/CPPFLAGS/LDFLAGS before CMake runs: when those are set, this file adds nothing.
# - Sanitizer, Debug and fuzz builds are left alone (FORTIFY_SOURCE needs optimisation and
#   gets in AddressSanitizer's way).
# - Without dpkg-buildflags (not Debian) the same flags are written out.
option(VAERMED_HARDEN "Release builds get Debian's hardening flags (dpkg-buildflags)" ON)

set(_vm_release_types Release RelWithDebInfo MinSizeRel)
if(VAERMED_HARDEN AND NOT VAERMED_SANITIZE AND NOT VAERMED_FUZZ
   AND CMAKE_BUILD_TYPE IN_LIST _vm_release_types
   AND "$ENV{CFLAGS}$ENV{CPPFLAGS}$ENV{LDFLAGS}" STREQUAL "")
  find_program(VAERMED_DPKG_BUILDFLAGS dpkg-buildflags)
  set(_vm_cflags "")
  set(_vm_cppflags "")
  set(_vm_ldflags "")
  if(VAERMED_DPKG_BUILDFLAGS)
    foreach(kind CFLAGS CPPFLAGS LDFLAGS)
      execute_process(COMMAND ${CMAKE_COMMAND} -E env DEB_BUILD_MAINT_OPTIONS=hardening=+all
                              ${VAERMED_DPKG_BUILDFLAGS} --get ${kind}
                      OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE
                      RESULT_VARIABLE status)
      if(NOT status EQUAL 0)
        message(FATAL_ERROR "dpkg-buildflags --get ${kind} failed")
      endif()
      separate_arguments(flags UNIX_COMMAND "${flags}")
      # Kept out: optimisation and debug level (the build type decides) and the file prefix
      # map (which would point at this folder).
      list(FILTER flags EXCLUDE REGEX "^-O[0-9s]?$|^-g$|^-ffile-prefix-map=")
      string(TOLOWER ${kind} lower)
      set(_vm_${lower} ${flags})
    endforeach()
  else()
    set(_vm_cflags -fstack-protector-strong -Wformat -Werror=format-security)
    set(_vm_cppflags -D_FORTIFY_SOURCE=2)
    set(_vm_ldflags -Wl,-z,relro -Wl,-z,now)
  endif()
  # What trixie's dpkg-buildflags adds and bookworm's does not (debian/rules adds it too).
  include(CheckCCompilerFlag)
  foreach(flag -fstack-clash-protection -fcf-protection -mbranch-protection=standard)
    string(MAKE_C_IDENTIFIER "VAERMED_HAS${flag}" var)
    check_c_compiler_flag(${flag} ${var})
    if(${var} AND NOT flag IN_LIST _vm_cflags)
      list(APPEND _vm_cflags ${flag})
    endif()
  endforeach()
  add_compile_options(${_vm_cflags} ${_vm_cppflags})
  add_link_options(${_vm_ldflags})
  # PIE: Debian's compiler makes position-independent executables by default; say so for
  # other compilers too.
  include(CheckPIESupported)
  check_pie_supported(LANGUAGES C)
  set(CMAKE_POSITION_INDEPENDENT_CODE ON)
  message(STATUS "Hardened release build: ${_vm_cflags} ${_vm_cppflags} ${_vm_ldflags}")
endif()
