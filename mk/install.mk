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

LIBVCONFIG_VERSION := 2.0.0
LIBVCONFIG_SONAME  := libvconfig.so.2
LIBVCONFIG_SO      := $(BUILD)/lib/libvconfig.so.$(LIBVCONFIG_VERSION)
VCONFIG_PC         := $(BUILD)/lib/vconfig.pc
MAN_PAGES          := man/vconfig.1 man/lsvfio.1 man/libvconfig.3

.PHONY: install uninstall shared

shared: $(LIBVCONFIG_SO)

# Exports: what the installed headers declare (lib/libvconfig.map).
LIBVCONFIG_HEADERS := include/vconfig/vconfig.h include/vconfig/env.h include/vconfig/access.h \
		      include/vconfig/emu.h include/vconfig/libvconfig.h

$(LIBVCONFIG_SO): $(ENGINE_OBJS) $(MODEL_OBJS) $(LIB_OBJS) lib/libvconfig.map
	@mkdir -p $(dir $@)
	$(CC) -shared -Wl,-soname,$(LIBVCONFIG_SONAME) \
		-Wl,--version-script=lib/libvconfig.map $(LDFLAGS) -o $@ \
		$(ENGINE_OBJS) $(MODEL_OBJS) $(LIB_OBJS) $(PCIACCESS_LIBS)

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

install: $(VCONFIG_BIN) $(LIBVCONFIG) $(LIBVCONFIG_SO) $(VCONFIG_PC)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(INCLUDEDIR)/vconfig $(DESTDIR)$(INCLUDEDIR)/linux \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3
	$(INSTALL) -m 644 $(LIBVCONFIG_HEADERS) $(DESTDIR)$(INCLUDEDIR)/vconfig/
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
