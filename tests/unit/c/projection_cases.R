# Expected values for test_projection.c and test_tdist.c, computed by R
# alone (DEFINITIONS.md 3.2), independently of crimepipe's C code:
#   lm(y ~ t + factor(month of year)) on the last n covered months,
#   predict(..., interval = "prediction", level = 0.95), clipped at 0
#   by pmax(0, .), and qt() / pt() for the t distribution.
# When the forecast package is installed, every full-window fit is also
# checked against forecast::tslm(y ~ trend + season) and forecast(), the
# model DEFINITIONS names.
#
# Re-run from this directory (Debian: apt-get install r-base-core, and
# r-cran-forecast for the tslm check):
#   Rscript projection_cases.R
# which rewrites projection_cases.h and tdist_cases.h.
# The series are drawn once with a fixed seed and written out in full,
# so the header, not R's generator, is what the C test reads.
options(digits = 17, warn = 2)
have_forecast <- suppressWarnings(requireNamespace("forecast", quietly = TRUE))

month_no <- function(ym) {		# "YYYY-MM" -> year * 12 + month - 1
	as.integer(substr(ym, 1, 4)) * 12L + as.integer(substr(ym, 6, 7)) - 1L
}
month_str <- function(m) sprintf("%04d-%02d", m %/% 12L, m %% 12L + 1L)
num <- function(x) sprintf("%.17g", x)
cstr <- function(s) paste0("\"", s, "\"")

series <- list()
add_series <- function(name, first, y) {
	series[[name]] <<- list(first = month_no(first), y = y)
}

set.seed(20191231)
# Total recorded crime, 2016-04..2019-12: trend, a seasonal shape, Poisson
# noise; two late months pushed off the pattern so that the 6-month
# chart has months above and below its projection.
shape <- c(-120, -160, 40, 60, 150, 220, 180, 90, 20, -40, -60, -200)
trc_m <- month_no("2016-04") + 0:44
trc <- rpois(45, 3300 + 6 * (0:44) + shape[trc_m %% 12L + 1L])
trc[month_no("2019-09") - month_no("2016-04") + 1] <- round(trc[month_no("2019-09") - month_no("2016-04") + 1] * 1.15)
trc[month_no("2019-11") - month_no("2016-04") + 1] <- round(trc[month_no("2019-11") - month_no("2016-04") + 1] * 0.85)
add_series("trc", "2016-04", trc)
# Rape-sized counts, exactly 24 months.
add_series("small24", "2017-01", rpois(24, 30 + 0.3 * (0:23)))
# One month short of the minimum.
add_series("short23", "2017-01", rpois(23, 200))
# Uncovered months inside the window (NA): the last 36 covered months
# then reach back over 39 calendar months; one NA in the year before
# 2018-04 leaves the annual change n/a.
g <- rpois(42, 500 + 2 * (0:41) + shape[(month_no("2015-07") + 0:41) %% 12L + 1L] / 4)
g[c(20, 27, 33)] <- NA
add_series("gaps", "2015-07", g)
# All zeros: sigma 0, every projection and interval 0.
add_series("zeros", "2016-04", rep(0L, 36))
# A steep fall: the forecasts go below 0 and are clipped.
add_series("decline", "2016-07", pmax(0L, rpois(30, pmax(1, 300 - 11 * (0:29)))))
# Every March uncovered: no March effect, no March forecast.
nm <- rpois(36, 120 + shape[(month_no("2016-04") + 0:35) %% 12L + 1L] / 10)
nm[(month_no("2016-04") + 0:35) %% 12L == 2L] <- NA
add_series("nomarch", "2016-04", nm)
# Every January uncovered: February becomes the reference month.
nj <- rpois(36, 80 + 0.5 * (0:35))
nj[(month_no("2016-04") + 0:35) %% 12L == 0L] <- NA
add_series("nojan", "2016-04", nj)

# The window: the last `window` covered months up to `last`.
window_of <- function(s, last, window) {
	m <- s$first + seq_along(s$y) - 1L
	k <- which(!is.na(s$y) & m <= last)
	utils::tail(k, window)
}

fit_of <- function(s, last, window = 36L, minimum = 24L) {
	k <- window_of(s, last, window)
	m <- s$first + k - 1L
	if (length(k) < minimum)
		return(list(status = "PROJ_SHORT", n = length(k)))
	d <- data.frame(y = s$y[k], t = m, moy = factor(m %% 12L))
	f <- lm(y ~ t + moy, data = d)
	stopifnot(!any(is.na(coef(f))))
	list(status = "PROJ_OK", n = length(k), fit = f, df = f$df.residual,
	    sigma = summary(f)$sigma, levels = levels(d$moy), months = m,
	    y = s$y[k])
}

forecast_of <- function(fit, months) {
	moy <- months %% 12L
	ok <- as.character(moy) %in% fit$levels
	out <- data.frame(month = months, status = ifelse(ok, "PROJ_OK",
	    "PROJ_NOSEASON"), yhat = 0, lo = 0, hi = 0)
	if (any(ok)) {
		nd <- data.frame(t = months[ok], moy = factor(moy[ok],
		    levels = fit$levels))
		p <- predict(fit$fit, newdata = nd, interval = "prediction",
		    level = 0.95)
		out$yhat[ok] <- p[, "fit"]
		out$lo[ok] <- p[, "lwr"]
		out$hi[ok] <- p[, "upr"]
	}
	out
}

# forecast::tslm on the window as a monthly ts (NA for uncovered months):
# the same forecasts as lm with a calendar t.
check_tslm <- function(fit, fc) {
	if (!have_forecast || any(fc$status != "PROJ_OK"))
		return(invisible())
	span <- seq(min(fit$months), max(fit$months))
	y <- rep(NA_real_, length(span))
	y[match(fit$months, span)] <- fit$y
	ts_y <- stats::ts(y, start = c(span[1] %/% 12L, span[1] %% 12L + 1L),
	    frequency = 12)
	tf <- forecast::tslm(ts_y ~ trend + season)
	h <- max(fc$month) - max(span)
	fo <- forecast::forecast(tf, h = h, level = 95)
	i <- fc$month - max(span)
	stopifnot(isTRUE(all.equal(as.numeric(fo$mean)[i], fc$yhat, tolerance = 1e-10)),
	    isTRUE(all.equal(as.numeric(fo$lower)[i], fc$lo, tolerance = 1e-10)),
	    isTRUE(all.equal(as.numeric(fo$upper)[i], fc$hi, tolerance = 1e-10)))
}

banner <- function() cat("/* Generated by projection_cases.R (R ", R.version$major, ".",
    R.version$minor, if (have_forecast) ", forecast::tslm checked" else "",
    "): do not edit, re-run it. */\n\n", sep = "")
sink("projection_cases.h")
banner()

cat("static const struct series_case series_cases[] = {\n")
for (name in names(series)) {
	s <- series[[name]]
	v <- ifelse(is.na(s$y), ".", as.character(s$y))
	cat("\t{ ", cstr(name), ", ", cstr(month_str(s$first)), ",\n\t    ",
	    cstr(paste(v, collapse = " ")), " },\n", sep = "")
}
cat("};\n\n")

# Fits: series, last month, window, minimum -> status, n, df, sigma; and
# their forecasts, one a line.
fits <- list(
	list("trc", "2019-03", 36L, 24L, 12L),	# the annual projection's fit
	list("trc", "2019-12", 36L, 24L, 6L),	# window: the last 36 of 45
	list("trc", "2019-06", 36L, 24L, 6L),	# the 6-month chart's back fit
	list("trc", "2019-12", 48L, 24L, 3L),	# all 45 months
	list("small24", "2018-12", 36L, 24L, 12L),
	list("short23", "2018-11", 36L, 24L, 0L),
	list("gaps", "2018-12", 36L, 24L, 12L),
	list("zeros", "2019-03", 36L, 24L, 6L),
	list("decline", "2018-12", 36L, 24L, 6L),
	list("nomarch", "2019-03", 36L, 24L, 12L),
	list("nojan", "2019-03", 36L, 24L, 12L),
	list("small24", "2018-12", 36L, 25L, 0L)	# minimum 25: short
)
fit_lines <- character()
fc_lines <- character()
for (f in fits) {
	s <- series[[f[[1]]]]
	last <- month_no(f[[2]])
	r <- fit_of(s, last, f[[3]], f[[4]])
	if (r$status == "PROJ_OK") {
		fit_lines <- c(fit_lines, sprintf("\t{ %s, %s, %d, %d, %s, %d, %d, %s },",
		    cstr(f[[1]]), cstr(f[[2]]), f[[3]], f[[4]], r$status, r$n,
		    r$df, num(r$sigma)))
		fc <- forecast_of(r, max(r$months) + seq_len(f[[5]]))
		if (f[[3]] == 36L)
			check_tslm(r, fc)
		for (i in seq_len(nrow(fc)))
			fc_lines <- c(fc_lines, sprintf("\t{ %s, %s, %d, %s, %s, %s, %s, %s },",
			    cstr(f[[1]]), cstr(f[[2]]), f[[3]], cstr(month_str(fc$month[i])),
			    fc$status[i], num(fc$yhat[i]), num(fc$lo[i]), num(fc$hi[i])))
	} else {
		fit_lines <- c(fit_lines, sprintf("\t{ %s, %s, %d, %d, %s, %d, 0, 0 },",
		    cstr(f[[1]]), cstr(f[[2]]), f[[3]], f[[4]], r$status, r$n))
	}
}
cat("/* series, last month, window, minimum, status, n, df, sigma */\n")
cat("static const struct fit_case fit_cases[] = {\n", paste(fit_lines, collapse = "\n"),
    "\n};\n\n", sep = "")
cat("/* series, fit's last month, window, month, status, yhat, lwr, upr (unclipped) */\n")
cat("static const struct forecast_case forecast_cases[] = {\n",
    paste(fc_lines, collapse = "\n"), "\n};\n\n", sep = "")

# The 6-month chart at M: verdicts for M-5..M against the fit on <= M-6.
verdict <- function(x, lo, hi) {
	ifelse(is.na(x), "PROJ_NA", ifelse(x > pmax(0, hi), "PROJ_ABOVE",
	    ifelse(x < pmax(0, lo), "PROJ_BELOW", "PROJ_IN_LINE")))
}
six <- list(list("trc", "2019-12"), list("nomarch", "2019-03"),
    list("gaps", "2018-06"))
six_lines <- character()
for (c6 in six) {
	s <- series[[c6[[1]]]]
	M <- month_no(c6[[2]])
	r <- fit_of(s, M - 6L)
	fc <- forecast_of(r, M - 5:0)
	x <- s$y[fc$month - s$first + 1L]
	v <- ifelse(fc$status == "PROJ_OK", verdict(x, fc$lo, fc$hi), "PROJ_NA")
	for (i in 1:6)
		six_lines <- c(six_lines, sprintf("\t{ %s, %s, %s, %s },",
		    cstr(c6[[1]]), cstr(c6[[2]]), cstr(month_str(fc$month[i])),
		    v[i]))
}
cat("/* series, M, recorded month, verdict against the fit on <= M-6 */\n")
cat("static const struct six_case six_cases[] = {\n", paste(six_lines, collapse = "\n"),
    "\n};\n\n", sep = "")

# The annual projection at S: 12 clipped forecasts fitted on < S, summed,
# against the recorded total of S-12..S-1 (n/a unless all 12 covered).
annual <- list(list("trc", "2019-04"), list("small24", "2018-04"),
    list("gaps", "2018-04"), list("zeros", "2019-04"),
    list("nomarch", "2019-04"))
an_lines <- character()
for (a in annual) {
	s <- series[[a[[1]]]]
	S <- month_no(a[[2]])
	r <- fit_of(s, S - 1L)
	status <- r$status
	if (status == "PROJ_OK") {
		fc <- forecast_of(r, S + 0:11)
		if (any(fc$status != "PROJ_OK"))
			status <- "PROJ_NOSEASON"
	}
	proj <- if (status == "PROJ_OK") sum(pmax(0, fc$yhat)) else 0
	prev <- s$y[(S - 12L):(S - 1L) - s$first + 1L]	# NA: uncovered
	ok <- status == "PROJ_OK" && !any(is.na(prev)) && sum(prev) > 0
	change <- if (ok) (proj - sum(prev)) * 100 / sum(prev) else 0
	tenths <- if (ok) sign(change) * floor(abs(change) * 10 + 0.5) else 0
	an_lines <- c(an_lines, sprintf("\t{ %s, %s, %s, %s, %d, %d, %s, %d },",
	    cstr(a[[1]]), cstr(a[[2]]), status, num(proj), sum(prev, na.rm = TRUE),
	    as.integer(ok), num(change), as.integer(tenths)))
}
cat("/* series, S, status, projected, previous year's total, change ok, %, tenths */\n")
cat("static const struct annual_case annual_cases[] = {\n", paste(an_lines, collapse = "\n"),
    "\n};\n\n", sep = "")

sink()

# Student's t: qt() and pt().
sink("tdist_cases.h")
banner()
ps <- c(0.975, 0.025, 0.95, 0.995, 0.9995, 0.5, 0.6, 0.75, 0.9, 0.999999, 1e-12)
dfs <- c(1, 2, 3, 4.5, 5, 10, 11, 12, 13, 23, 24, 30, 100, 1000, 1e6)
q_lines <- character()
for (d in dfs) for (p in ps)
	q_lines <- c(q_lines, sprintf("\t{ %s, %s, %s },", num(p), num(d), num(qt(p, d))))
cat("/* p, df, qt(p, df) */\n")
cat("static const struct tq_case tq_cases[] = {\n", paste(q_lines, collapse = "\n"),
    "\n};\n\n", sep = "")
ts_ <- c(-30, -4.2, -2, -0.7, 0, 0.3, 1, 2.0686576104190482, 5, 12.7, 100)
c_lines <- character()
for (d in c(1, 2.5, 7, 23, 300)) for (t in ts_)
	c_lines <- c(c_lines, sprintf("\t{ %s, %s, %s },", num(t), num(d), num(pt(t, d))))
cat("/* t, df, pt(t, df) */\n")
cat("static const struct tq_case tcdf_cases[] = {\n", paste(c_lines, collapse = "\n"),
    "\n};\n", sep = "")
sink()
