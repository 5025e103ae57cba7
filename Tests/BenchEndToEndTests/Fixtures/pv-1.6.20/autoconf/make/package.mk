#
# Package name, version, and distribution files.
#

package = @PACKAGE@
version = @VERSION@
PACKAGE = @PACKAGE@

distfiles =		\
$(srcdir)/README	\
$(srcdir)/autoconf	\
$(srcdir)/configure	\
$(srcdir)/doc		\
$(srcdir)/src		\
$(srcdir)/tests

# EOF
