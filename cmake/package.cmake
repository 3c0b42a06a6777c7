# `make deb`: a Debian package of what `cmake --install` installs, under /usr, through CPack.
# dpkg-shlibdeps reads the binary's shared libraries for Depends; Node.js and npm are only
# recommended: the embedded Duktape needs neither, `settle engines --install` does.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME settle)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "settle developers <settle@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "conformance runner for ECMAScript Promise semantics on many engines")
set(CPACK_PACKAGE_DESCRIPTION
    "settle runs declarative Promise cases and test262's Promise tests on an embedded Duktape and on engine shells (node, SpiderMonkey, JavaScriptCore, Deno, Bun, Hermes, QuickJS, engine262), with Promise libraries as preludes, and writes console, JSON, JUnit, Markdown and HTML reports.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # settle_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "nodejs, npm")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libmozjs-102-dev, libjavascriptcoregtk-4.0-bin, duktape, libjs-es6-shim")
# As Debian ships binaries: stripped (without its debug information settle is 3 MB, not 68).
set(CPACK_STRIP_FILES TRUE)
include(CPack)
