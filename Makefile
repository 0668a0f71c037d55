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

COMMON	= areas dates diag digest extract idset input keymap measures \
	members opts outbuf projection rejects rounding spc spool stream table \
	tdist xalloc
FILTERS	= ingest-crime tag-rural flag-repeat compute-outcomes \
	aggregate-district emit-summary
# A filter that outgrew one file is a folder under filters/.
INGEST	= main sources members records forces
AGGREGATE = main setup view place counts victims coverage series project \
	rows explain
EMIT	= main longtable topics facts words cells sections sec_crime sec_topic \
	sec_people sec_outcomes sec_places quality doc render_md render_html \
	render_json svg esc numfmt atomic
TOOLS	= gen-extract csvparse csvcount runstat
# C unit tests, tests/unit/c/<name>.c, run by tests/unit/c-units.sh.
UNITS	= test_ahead test_dates test_digest test_idset test_keymap test_measures test_projection \
	test_quoting test_rounding test_spc test_tdist

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

$(BUILD)/filters/emit-summary/%.o: filters/emit-summary/%.c \
		filters/emit-summary/*.h common/*.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

EMIT_OBJ = $(EMIT:%=$(BUILD)/filters/emit-summary/%.o)
$(BIN)/emit-summary: $(EMIT_OBJ) $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $(EMIT_OBJ) $(LIBCOMMON) $(LIBS)

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
# crimepipe-nightly, crimepipe-rerun and crimepipe-forces; the documents to
# share/doc/crimepipe/.
install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR) \
		$(DESTDIR)$(PREFIX)/share/crimepipe/pipelines \
		$(DESTDIR)$(PREFIX)/share/doc/crimepipe
	cp $(FILTER_BIN) $(DESTDIR)$(PREFIX)/bin/
	cp reference/*.csv $(DESTDIR)$(DATADIR)/
	cp docs/man/*.1 $(DESTDIR)$(MANDIR)/
	cp pipelines/lib.sh pipelines/monthly.sh pipelines/nightly.sh \
		pipelines/rerun.sh pipelines/forces.sh \
		$(DESTDIR)$(PREFIX)/share/crimepipe/pipelines/
	for p in monthly nightly rerun forces; do \
		ln -sf ../share/crimepipe/pipelines/$$p.sh \
			$(DESTDIR)$(PREFIX)/bin/crimepipe-$$p || exit 1; \
	done
	cp README.md docs/*.md $(DESTDIR)$(PREFIX)/share/doc/crimepipe/

# Fuzzing (README "Fuzzing"): libFuzzer targets built with clang into
# build/fuzz/, the library compiled again there with the fuzzer's coverage
# and ASan+UBSan, never mixed with build/opt or build/san.  `make fuzz`
# runs each target for FUZZ_SECONDS on a scratch copy of its seed corpus
# (tests/fuzz/run.sh) and fails on any crash, leak, timeout or
# disagreement.
FUZZ_CC	?= clang
FUZZ_SECONDS ?= 60
FUZZ_BUILD = build/fuzz
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_CFLAGS = $(WARN) -O1 -g $(FUZZ_SAN) $(CPPFLAGS_ALL) $(CPPFLAGS)
FUZZ_TARGETS = reader input
FUZZ_BIN = $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz-%)

$(FUZZ_BUILD)/common/%.o: common/%.c common/*.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/fuzz/%.o: tests/fuzz/%.c tests/fuzz/harness.h common/*.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

# The harness's own comparisons are no coverage worth steering towards.
$(FUZZ_BUILD)/fuzz/harness.o: tests/fuzz/harness.c tests/fuzz/harness.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_BUILD)/libcommon.a: $(COMMON:%=$(FUZZ_BUILD)/common/%.o)
	rm -f $@
	ar rcs $@ $(COMMON:%=$(FUZZ_BUILD)/common/%.o)

$(FUZZ_BUILD)/fuzz-%: $(FUZZ_BUILD)/fuzz/%.o $(FUZZ_BUILD)/fuzz/harness.o \
    $(FUZZ_BUILD)/libcommon.a
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer $(LDFLAGS) -o $@ \
		$< $(FUZZ_BUILD)/fuzz/harness.o $(FUZZ_BUILD)/libcommon.a $(LIBS)

fuzz: $(FUZZ_BIN)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run.sh $(FUZZ_BIN)

.PHONY: fuzz

clean:
	rm -rf build bin bin-san

.PHONY: all units check bench demo install clean
.SECONDARY:
