/*
 * Victims, repeat victims and their cohorts (DEFINITIONS.md 2.5, 3.1),
 * from the columns flag-repeat added.  Per (victim, month) of the window
 * a flag byte per area says whether the victim was seen there, and as a
 * repeat victim; for the reporting month, per victim, its 12-month
 * offence counts and its records in M (all forces).
 */
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"
#include "agg.h"

/*
 * The victim table, a->vset: one key per (victim, month slot), the
 * victim_id's bytes then the slot as two bytes (a fixed-size tail, so two
 * different pairs never make one key), and beside each key its value: the
 * index + 1 of the victim's struct victim_m in a->vm for the reporting
 * month's keys (0 otherwise), then 4 flag bits per area (VF_*).  One
 * lookup per record finds both.
 */
struct vvalue {
	uint32_t	 vm;		/* a->vm index + 1, or 0 */
	unsigned char	 flags[];	/* area i: byte i / 2, bits 4(i % 2) */
};

#define VKEY_STACK	64
enum { VP_IN_M = 1, VP_FORCE = 2, VP_DA = 4 };

static size_t
vvalue_size(const struct agg *a)
{
	return sizeof(struct vvalue) + ((size_t)a->nareas + 1) / 2;
}

static unsigned
area_flags(const struct vvalue *vv, int area)
{
	return (vv->flags[area / 2] >> (area % 2 * 4)) & 15;
}

/* The key of (id, slot) in buf (at least id->len + 2 bytes). */
static size_t
vkey(char *buf, const struct field *id, int slot)
{
	uint16_t s16 = (uint16_t)slot;

	memcpy(buf, id->ptr, id->len);
	memcpy(buf + id->len, &s16, 2);
	return id->len + 2;
}

/* The value of (id, slot), inserted when insert is set; or NULL. */
static struct vvalue *
vset_get(struct agg *a, const struct field *id, int slot, int insert)
{
	char stack[VKEY_STACK], *buf = stack;
	size_t len;
	long i;

	if (keymap_size(a->vset) == 0)
		keymap_set_value_size(a->vset, vvalue_size(a));
	if (id->len + 2 > sizeof(stack))
		buf = xmalloc(id->len + 2);
	len = vkey(buf, id, slot);
	i = keymap_get(a->vset, buf, len, insert, NULL);
	if (buf != stack)
		free(buf);
	return i < 0 ? NULL : keymap_value(a->vset, (size_t)i);
}

/* The reporting month's data of the victim of vv, added when new. */
static struct victim_m *
victim_m(struct agg *a, struct vvalue *vv)
{
	size_t old;

	if (vv->vm == 0) {
		if (a->nvm >= a->vm_cap) {
			old = a->vm_cap;
			a->vm = xgrow(a->vm, &a->vm_cap, a->nvm + 1,
			    sizeof(*a->vm));
			memset(a->vm + old, 0, (a->vm_cap - old) *
			    sizeof(*a->vm));
		}
		vv->vm = (uint32_t)++a->nvm;
	}
	return &a->vm[vv->vm - 1];
}

/* One pending record's part (p->len key bytes at key). */
static void
victim_apply(struct agg *a, const struct vpending *p, const char *key)
{
	struct victim_m *vm = NULL;
	struct vvalue *vv;
	int i, ar;

	if (keymap_size(a->vset) == 0)
		keymap_set_value_size(a->vset, vvalue_size(a));
	vv = keymap_value(a->vset, (size_t)keymap_get_hashed(a->vset,
	    p->hash, key, p->len, 1, NULL));
	if (p->bits & VP_IN_M) {
		vm = victim_m(a, vv);
		vm->records++;
		vm->da_records += (uint32_t)((p->bits & VP_DA) != 0);
	}
	if (!(p->bits & VP_FORCE))
		return;
	for (i = 0; i < p->nareas; i++) {
		ar = p->areas[i];
		vv->flags[ar / 2] |= (unsigned char)(p->fl << (ar % 2 * 4));
	}
	if (vm == NULL)
		return;
	if ((p->fl & VF_REPEAT) && p->v12 > (long)vm->offences_12m)
		vm->offences_12m = (uint32_t)p->v12;
	if ((p->fl & VF_DA_REPEAT) && p->da_v12 > (long)vm->da_offences_12m)
		vm->da_offences_12m = (uint32_t)p->da_v12;
}

/*
 * The pending records, oldest first.  A record waits VRING records: its
 * slot is prefetched when it comes, its entry half way (the slot is in
 * cache by then), and the lookup finds both in cache.  Records are
 * applied in input order, so the keys' order is the same as without the
 * wait.
 */
static void
vring_drain(struct agg *a)
{
	struct vpending *p;

	for (; a->vring_n > 0; a->vring_n--) {
		p = &a->vring[a->vring_head];
		victim_apply(a, p, p->key);
		a->vring_head = (a->vring_head + 1) % VRING;
	}
}

static void
vring_push(struct agg *a, const struct vpending *p)
{
	struct vpending *old;

	if (a->vring_n == VRING) {
		old = &a->vring[a->vring_head];
		victim_apply(a, old, old->key);
		a->vring_head = (a->vring_head + 1) % VRING;
		a->vring_n--;
	}
	/* The one that came VRING / 2 records ago. */
	if (a->vring_n >= VRING / 2)
		keymap_prefetch_entry(a->vset, a->vring[(a->vring_head +
		    a->vring_n - VRING / 2) % VRING].hash);
	a->vring[(a->vring_head + a->vring_n) % VRING] = *p;
	a->vring_n++;
	keymap_prefetch(a->vset, p->hash);
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
	const struct field *id = v->victim_id;
	struct vpending p;
	char *key;

	if (slot < 0 || !v->victim || (!v->is_force && v->month != a->w.month))
		return;
	memset(&p, 0, sizeof(p));
	p.bits = (unsigned char)((v->month == a->w.month ? VP_IN_M : 0) |
	    (v->is_force ? VP_FORCE : 0) | (da ? VP_DA : 0));
	p.fl = (unsigned char)(VF_SEEN | (v->repeat ? VF_REPEAT : 0) |
	    (da ? VF_DA_SEEN : 0) | (darep ? VF_DA_REPEAT : 0));
	p.nareas = (unsigned char)v->place.nareas;
	for (i = 0; i < v->place.nareas; i++)
		p.areas[i] = (int16_t)v->place.areas[i];
	p.v12 = v->v12;
	p.da_v12 = v->da_v12;
	p.len = id->len + 2;
	if (p.len <= VKEY_INLINE) {
		vkey(p.key, id, slot);
		p.hash = hash_bytes(p.key, p.len);
		vring_push(a, &p);
		return;
	}
	/* A long id: in order, after the pending records. */
	vring_drain(a);
	key = xmalloc(p.len);
	vkey(key, id, slot);
	p.hash = hash_bytes(key, p.len);
	victim_apply(a, &p, key);
	free(key);
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
 * before the reporting month (0: none).
 */
static void
victim_count(struct agg *a, const struct victim_m *vm, int slot, int area,
    int d, unsigned fl, int p1, int p2)
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
	cohort_count(a, vm, area, slot, d);
	/* Earlier months: the person's status in the force (area 0). */
	if (!(p1 & rep))
		return;
	cube_add(a, MS_ALSO_PREV, all, area, slot, 1);
	if (p2 & rep)
		cube_add(a, MS_THREE_MONTHS, all, area, slot, 1);
}

/* The victim's force-level flags in slot, 0 when none. */
static unsigned
force_flags(struct agg *a, const struct field *id, int slot)
{
	const struct vvalue *vv;

	if (slot < 0 || (vv = vset_get(a, id, slot, 0)) == NULL)
		return 0;
	return area_flags(vv, 0);
}

void
victims_finish(struct agg *a)
{
	size_t i, n, len;
	int ms = a->w.month - a->w.lo, slot, area, d, p1, p2;
	const struct victim_m *vm;
	const struct vvalue *vv;
	struct field id;
	const char *k;
	unsigned fl;
	uint16_t s16;

	vring_drain(a);
	n = keymap_size(a->vset);
	for (i = 0; i < n; i++) {
		k = keymap_key(a->vset, i, &len);
		memcpy(&s16, k + len - 2, 2);
		slot = s16;
		id.ptr = k;
		id.len = len - 2;
		/* Lookups without insertion move no key and no value. */
		p1 = slot == ms ? (int)force_flags(a, &id, slot - 1) : 0;
		p2 = slot == ms ? (int)force_flags(a, &id, slot - 2) : 0;
		vv = keymap_value(a->vset, i);
		vm = vv->vm > 0 ? &a->vm[vv->vm - 1] : NULL;
		for (area = 0; area < a->nareas; area++) {
			fl = area_flags(vv, area);
			for (d = 0; fl != 0 && d < 2; d++)
				victim_count(a, vm, slot, area, d, fl,
				    p1, p2);
		}
	}
}
