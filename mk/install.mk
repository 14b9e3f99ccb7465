# Installation of the library, its headers, the CLI and the manual pages.
#
#   make install [PREFIX=/usr/local] [DESTDIR=]   headers, libvconfig.a and
#                                                 libvconfig.so, vconfig.pc,
#                                                 vconfig and lsvfio, man pages
#   make uninstall [PREFIX=...] [DESTDIR=]
#   make shared                                   $(BUILD)/lib/libvconfig.so only

PREFIX       ?= /usr/local
BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
MANDIR       ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
INSTALL      ?= install

LIBVCONFIG_VERSION := 1.0.0
LIBVCONFIG_SONAME  := libvconfig.so.1
LIBVCONFIG_SO      := $(BUILD)/lib/libvconfig.so.$(LIBVCONFIG_VERSION)
VCONFIG_PC         := $(BUILD)/lib/vconfig.pc
MAN_PAGES          := man/vconfig.1 man/lsvfio.1 man/libvconfig.3

.PHONY: install uninstall shared

shared: $(LIBVCONFIG_SO)

$(LIBVCONFIG_SO): $(ENGINE_OBJS) $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) -shared -Wl,-soname,$(LIBVCONFIG_SONAME) $(LDFLAGS) -o $@ $^ $(PCIACCESS_LIBS)

# pkg-config file; the prefix is the installed one, DESTDIR is not part of it.
$(VCONFIG_PC): mk/install.mk
	@mkdir -p $(dir $@)
	printf '%s\n' \
		'prefix=$(PREFIX)' \
		'libdir=$(LIBDIR)' \
		'includedir=$(INCLUDEDIR)' \
		'' \
		'Name: vconfig' \
		'Description: virtual PCI configuration space and VFIO device access (libvconfig)' \
		'Version: $(LIBVCONFIG_VERSION)' \
		'Requires.private: pciaccess' \
		'Libs: -L$${libdir} -lvconfig' \
		'Cflags: -I$${includedir}' >$@

.PHONY: $(VCONFIG_PC)

# vconfig.h reaches the engine's env.h through the source tree; installed,
# env.h sits beside it.
install: $(VCONFIG_BIN) $(LIBVCONFIG) $(LIBVCONFIG_SO) $(VCONFIG_PC)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(INCLUDEDIR)/vconfig $(DESTDIR)$(INCLUDEDIR)/linux \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3
	for h in include/vconfig/*.h; do \
		sed 's|#include "../../vconfig/env.h"|#include "env.h"|' $$h \
			>$(DESTDIR)$(INCLUDEDIR)/vconfig/$$(basename $$h) || exit 1; \
		chmod 644 $(DESTDIR)$(INCLUDEDIR)/vconfig/$$(basename $$h); \
	done
	$(INSTALL) -m 644 vconfig/env.h $(DESTDIR)$(INCLUDEDIR)/vconfig/env.h
	$(INSTALL) -m 644 include/uapi/linux/vfio_vconfig.h $(DESTDIR)$(INCLUDEDIR)/linux/
	$(INSTALL) -m 644 $(LIBVCONFIG) $(DESTDIR)$(LIBDIR)/libvconfig.a
	$(INSTALL) -m 755 $(LIBVCONFIG_SO) $(DESTDIR)$(LIBDIR)/
	ln -sf libvconfig.so.$(LIBVCONFIG_VERSION) $(DESTDIR)$(LIBDIR)/$(LIBVCONFIG_SONAME)
	ln -sf $(LIBVCONFIG_SONAME) $(DESTDIR)$(LIBDIR)/libvconfig.so
	$(INSTALL) -m 644 $(VCONFIG_PC) $(DESTDIR)$(PKGCONFIGDIR)/vconfig.pc
	$(INSTALL) -m 755 $(VCONFIG_BIN) $(DESTDIR)$(BINDIR)/vconfig
	ln -sf vconfig $(DESTDIR)$(BINDIR)/lsvfio
	$(INSTALL) -m 644 man/vconfig.1 man/lsvfio.1 $(DESTDIR)$(MANDIR)/man1/
	$(INSTALL) -m 644 man/libvconfig.3 $(DESTDIR)$(MANDIR)/man3/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/vconfig $(DESTDIR)$(BINDIR)/lsvfio \
		$(DESTDIR)$(LIBDIR)/libvconfig.a $(DESTDIR)$(LIBDIR)/libvconfig.so \
		$(DESTDIR)$(LIBDIR)/$(LIBVCONFIG_SONAME) \
		$(DESTDIR)$(LIBDIR)/libvconfig.so.$(LIBVCONFIG_VERSION) \
		$(DESTDIR)$(PKGCONFIGDIR)/vconfig.pc \
		$(DESTDIR)$(INCLUDEDIR)/linux/vfio_vconfig.h \
		$(DESTDIR)$(MANDIR)/man1/vconfig.1 $(DESTDIR)$(MANDIR)/man1/lsvfio.1 \
		$(DESTDIR)$(MANDIR)/man3/libvconfig.3
	rm -rf $(DESTDIR)$(INCLUDEDIR)/vconfig
