/*
 * Victims, repeat victims and their cohorts (DEFINITIONS.md 2.5, 3.1),
 * from the columns flag-repeat added.  Per (victim, month) of the window
 * a flag byte per area says whether the victim was seen there, and as a
 * repeat victim; for the reporting month, per victim, its 12-month
 * offence counts and its records in M (all forces).
 */
#include <string.h>

#include "../../common/xalloc.h"
#include "agg.h"

static long
victim_index(struct agg *a, const struct field *id)
{
	long i = keymap_get(a->victims, id->ptr, id->len, 1, NULL);
	size_t old;

	if ((size_t)i >= a->vm_cap) {
		old = a->vm_cap;
		a->vm = xgrow(a->vm, &a->vm_cap, (size_t)i + 1, sizeof(*a->vm));
		memset(a->vm + old, 0, (a->vm_cap - old) * sizeof(*a->vm));
	}
	return i;
}

/*
 * The flags of victim v in month slot: nareas bytes, one per area, or
 * NULL when absent and not inserted.
 */
static unsigned char *
vset_get(struct agg *a, long v, int slot, int insert)
{
	unsigned char k[6];
	uint32_t v32 = (uint32_t)v;
	uint16_t s16 = (uint16_t)slot;
	size_t need, old;
	long i;

	memcpy(k, &v32, 4);
	memcpy(k + 4, &s16, 2);
	i = keymap_get(a->vset, k, sizeof(k), insert, NULL);
	if (i < 0)
		return NULL;
	need = ((size_t)i + 1) * (size_t)a->nareas;
	if (need > a->vflags_cap) {
		old = a->vflags_cap;
		a->vflags = xgrow(a->vflags, &a->vflags_cap, need, 1);
		memset(a->vflags + old, 0, a->vflags_cap - old);
	}
	return a->vflags + (size_t)i * (size_t)a->nareas;
}

/*
 * A record's part in the victim measures.  Records of other forces count
 * only towards their victims' records in M (the alliance rule: the
 * cohort's offences are those of every force).
 */
void
victim_record(struct agg *a, const struct rec_view *v)
{
	int slot = month_slot(a, v->month), da = (v->markers >> MK_DA) & 1,
	    darep = da && v->da_repeat, i;
	unsigned char fl, *flags;
	long vi;

	if (slot < 0 || !v->victim || (!v->is_force && v->month != a->w.month))
		return;
	vi = victim_index(a, v->victim_id);
	if (v->month == a->w.month) {
		a->vm[vi].records++;
		a->vm[vi].da_records += (uint32_t)da;
	}
	if (!v->is_force)
		return;
	fl = (unsigned char)(VF_SEEN | (v->repeat ? VF_REPEAT : 0) |
	    (da ? VF_DA_SEEN : 0) | (darep ? VF_DA_REPEAT : 0));
	flags = vset_get(a, vi, slot, 1);
	for (i = 0; i < v->place.nareas; i++)
		flags[v->place.areas[i]] |= fl;
	if (v->month != a->w.month)
		return;
	if (v->repeat && v->v12 > (long)a->vm[vi].offences_12m)
		a->vm[vi].offences_12m = (uint32_t)v->v12;
	if (darep && v->da_v12 > (long)a->vm[vi].da_offences_12m)
		a->vm[vi].da_offences_12m = (uint32_t)v->da_v12;
}

static void
cube_add(struct agg *a, int measure, const char *name, int area, int slot,
    long long w)
{
	int cat = cat_str(a, measure, name);

	a->cube[(((size_t)cat * (size_t)a->nareas) + (size_t)area) *
	    (size_t)a->w.nslots + (size_t)slot] += w;
}

/* A repeat victim of M in its cohort (DEFINITIONS.md 3.1). */
static void
cohort_count(struct agg *a, const struct victim_m *vm, int area, int slot,
    int d)
{
	const char *const *names = d ? cohort_da_names : cohort_names;
	uint32_t n12 = d ? vm->da_offences_12m : vm->offences_12m;
	uint32_t inm = d ? vm->da_records : vm->records;
	int b = cohort_of(n12);

	cube_add(a, MS_COHORT_VICTIMS, names[b], area, slot, 1);
	cube_add(a, MS_COHORT_12M, names[b], area, slot, n12);
	cube_add(a, MS_COHORT_MONTH, names[b], area, slot, inm);
	cube_add(a, MS_COHORT_TOTAL, d ? "DA 12m" : "12m", area, slot, n12);
	cube_add(a, MS_COHORT_TOTAL, d ? "DA month" : "month", area, slot,
	    inm);
}

/*
 * One victim's flags fl in one area and month slot (d: 1 for the DA
 * measures); p1, p2 are the victim's force-level flags in the two months
 * before the reporting month, or NULL.
 */
static void
victim_count(struct agg *a, uint32_t v, int slot, int area, int d,
    unsigned char fl, const unsigned char *p1, const unsigned char *p2)
{
	const char *all = d ? "DA" : "All";
	unsigned char rep = d ? VF_DA_REPEAT : VF_REPEAT;

	if (fl & (d ? VF_DA_SEEN : VF_SEEN))
		cube_add(a, MS_VICTIMS, all, area, slot, 1);
	if (!(fl & rep))
		return;
	cube_add(a, MS_REPEAT_VICTIMS, all, area, slot, 1);
	if (slot != a->w.month - a->w.lo)
		return;
	cohort_count(a, &a->vm[v], area, slot, d);
	/* Earlier months: the person's status in the force (area 0). */
	if (p1 == NULL || !(p1[0] & rep))
		return;
	cube_add(a, MS_ALSO_PREV, all, area, slot, 1);
	if (p2 != NULL && (p2[0] & rep))
		cube_add(a, MS_THREE_MONTHS, all, area, slot, 1);
}

void
victims_finish(struct agg *a)
{
	size_t i, n = keymap_size(a->vset), len;
	int ms = a->w.month - a->w.lo, slot, area, d;
	const unsigned char *k, *p1, *p2;
	unsigned char fl;
	uint32_t v32;
	uint16_t s16;

	for (i = 0; i < n; i++) {
		k = (const unsigned char *)keymap_key(a->vset, i, &len);
		memcpy(&v32, k, 4);
		memcpy(&s16, k + 4, 2);
		slot = s16;
		/* Lookups without insertion never move vflags. */
		p1 = slot == ms ? vset_get(a, v32, slot - 1, 0) : NULL;
		p2 = slot == ms ? vset_get(a, v32, slot - 2, 0) : NULL;
		for (area = 0; area < a->nareas; area++) {
			fl = a->vflags[i * (size_t)a->nareas + (size_t)area];
			for (d = 0; fl != 0 && d < 2; d++)
				victim_count(a, v32, slot, area, d, fl, p1,
				    p2);
		}
	}
}
