# crimepipe — plain and explicit (STYLE.md: sbase).  `make` builds every
# filter into bin/ (release flags: -O3 and link-time optimisation, no
# -march: SSE2 is the x86-64 baseline); SANITIZE=1 builds them with
# ASan+UBSan at -O2 into bin-san/ instead, so both builds can sit side by
# side.

PREFIX	?= /usr/local
DATADIR	?= $(PREFIX)/share/crimepipe/reference
MANDIR	?= $(PREFIX)/share/man/man1
CC	?= cc
PKG_CONFIG ?= pkg-config

CPPFLAGS_ALL = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DCRIMEPIPE_DATADIR='"$(DATADIR)"' \
	$(shell $(PKG_CONFIG) --cflags libarchive zlib 2>/dev/null)
WARN	= -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wno-missing-field-initializers
LIBS	= -lcsv $(shell $(PKG_CONFIG) --libs libarchive zlib 2>/dev/null || \
	echo -larchive -lz) -lm

ifeq ($(SANITIZE),1)
BUILD	= build/san
BIN	= bin-san
CFLAGS	?= -O2 -g
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
LTO	=
else
BUILD	= build/opt
BIN	= bin
CFLAGS	?= -O3 -g
SANFLAGS =
# Link-time optimisation needs an archiver that understands the compiler's
# LTO objects: gcc-ar for gcc, llvm-ar for clang.  Without one (or with
# LTO= on the command line) the build goes without LTO.  Warnings are
# errors where each file is compiled; gcc's middle-end string warnings
# run again across files at the LTO link and are left out there (false
# positives on sizes it cannot bound).
LTO_AR	:= $(shell command -v $(if $(findstring clang,$(shell $(CC) \
	--version 2>/dev/null)),llvm-ar,gcc-ar))
LTO	?= $(if $(LTO_AR),-flto=auto,)
LTO_LDFLAGS = $(if $(LTO),$(if $(findstring llvm-ar,$(LTO_AR)),,\
	-Wno-stringop-overflow))
endif
AR	= $(if $(LTO),$(LTO_AR),ar)

ALL_CFLAGS = $(WARN) $(CFLAGS) $(LTO) $(SANFLAGS) $(CPPFLAGS_ALL) $(CPPFLAGS)
ALL_LDFLAGS = $(CFLAGS) $(LTO) $(LTO_LDFLAGS) $(SANFLAGS) $(LDFLAGS)

COMMON	= areas dates diag digest extract html idset input keymap measures members \
	numfmt opts outbuf projection rejects report rounding spc spool stream \
	svg table tdist xalloc
FILTERS	= ingest-crime tag-rural flag-repeat compute-outcomes \
	aggregate-district emit-summary
# A filter that outgrew one file is a folder under filters/.
INGEST	= main sources members records forces
AGGREGATE = main setup view place counts victims coverage series project \
	rows explain
TOOLS	= gen-extract csvparse csvcount runstat
# C unit tests, tests/unit/c/<name>.c, run by tests/unit/c-units.sh.
UNITS	= test_dates test_digest test_idset test_keymap test_measures test_projection \
	test_rounding test_spc test_tdist

COMMON_OBJ = $(COMMON:%=$(BUILD)/common/%.o)
LIBCOMMON = $(BUILD)/libcommon.a
FILTER_BIN = $(FILTERS:%=$(BIN)/%)
TOOL_BIN = $(TOOLS:%=$(BIN)/%)
UNIT_BIN = $(UNITS:%=$(BIN)/unit/%)

all: $(FILTER_BIN) $(TOOL_BIN)

$(BUILD)/common/%.o: common/%.c common/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/filters/%.o: filters/%.c common/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIBCOMMON): $(COMMON_OBJ)
	rm -f $@
	$(AR) rcs $@ $(COMMON_OBJ)

$(BUILD)/filters/ingest-crime/%.o: filters/ingest-crime/%.c \
		filters/ingest-crime/*.h common/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

INGEST_OBJ = $(INGEST:%=$(BUILD)/filters/ingest-crime/%.o)
$(BIN)/ingest-crime: $(INGEST_OBJ) $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $(INGEST_OBJ) $(LIBCOMMON) $(LIBS)

$(BUILD)/filters/aggregate-district/%.o: filters/aggregate-district/%.c \
		filters/aggregate-district/*.h common/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

AGGREGATE_OBJ = $(AGGREGATE:%=$(BUILD)/filters/aggregate-district/%.o)
$(BIN)/aggregate-district: $(AGGREGATE_OBJ) $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $(AGGREGATE_OBJ) $(LIBCOMMON) $(LIBS)

$(BIN)/%: $(BUILD)/filters/%.o $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBCOMMON) $(LIBS)

$(BIN)/gen-extract: tools/gen-extract.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(LTO) $(SANFLAGS) -D_POSIX_C_SOURCE=200809L \
		$(ALL_LDFLAGS) -o $@ $< -lm

$(BIN)/csvparse: tools/csvparse.c $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBCOMMON) $(LIBS)

$(BIN)/csvcount: tools/csvcount.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< -lcsv

$(BIN)/unit/%: tests/unit/c/%.c tests/unit/c/*.h common/*.h $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBCOMMON) $(LIBS)

units: $(UNIT_BIN)

$(BIN)/runstat: tools/runstat.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $<

# TESTS= selects cases by substring: make check TESTS='ingest differential'
check: all units
	@BIN=$(CURDIR)/$(BIN) SANITIZE=$(SANITIZE) bash tests/run.sh $(TESTS)

bench: all
	@bash bench/run.sh

demo:
	@bash tools/demo.sh

# The pipelines go to share/crimepipe/pipelines/ (lib.sh finds the
# filters in the bin/ beside share/), linked from bin/ as crimepipe-monthly,
# crimepipe-nightly and crimepipe-rerun; the documents to share/doc/crimepipe/.
install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR) \
		$(DESTDIR)$(PREFIX)/share/crimepipe/pipelines \
		$(DESTDIR)$(PREFIX)/share/doc/crimepipe
	cp $(FILTER_BIN) $(DESTDIR)$(PREFIX)/bin/
	cp reference/*.csv $(DESTDIR)$(DATADIR)/
	cp docs/man/*.1 $(DESTDIR)$(MANDIR)/
	cp pipelines/lib.sh pipelines/monthly.sh pipelines/nightly.sh \
		pipelines/rerun.sh $(DESTDIR)$(PREFIX)/share/crimepipe/pipelines/
	for p in monthly nightly rerun; do \
		ln -sf ../share/crimepipe/pipelines/$$p.sh \
			$(DESTDIR)$(PREFIX)/bin/crimepipe-$$p || exit 1; \
	done
	cp README.md docs/*.md $(DESTDIR)$(PREFIX)/share/doc/crimepipe/

clean:
	rm -rf build bin bin-san

.PHONY: all units check bench demo install clean
.SECONDARY:
