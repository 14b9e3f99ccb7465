// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Naming the registers of the map, from the same permission tables that
 * build it.
 */
#include "internal.h"

static const struct vconfig_field std_cap_header[] = {
	{ 0, 1, 0, 0, 0, 0, "Capability ID" },
	{ 1, 1, 0, 0, 0, 0, "Next Pointer" },
};

static const struct vconfig_field ext_cap_header[] = {
	{ 0, 4, 0, 0, 0, 0, "Extended Capability Header" },
};

static bool find_in(const struct vconfig_field *fields, unsigned int nr,
		    unsigned int base, unsigned int limit, unsigned int offset,
		    struct vconfig_reg *reg)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		unsigned int start = base + fields[i].offset;
		unsigned int end = start + fields[i].size;

		if (fields[i].offset + fields[i].size > limit)
			continue;
		if (offset >= start && offset < end) {
			reg->offset = start;
			reg->size = fields[i].size;
			reg->name = fields[i].name;
			return true;
		}
	}
	return false;
}

static bool find_in_cap(const struct vconfig_cap *cap, unsigned int offset,
			struct vconfig_reg *reg)
{
	const struct vconfig_cap_desc *d = cap->desc;
	unsigned int i;

	if (cap->extended ?
	    find_in(ext_cap_header, 1, cap->pos, cap->len, offset, reg) :
	    find_in(std_cap_header, 2, cap->pos, cap->len, offset, reg))
		return true;
	for (i = 0; d && i < d->nr_layouts && i < 32; i++)
		if ((cap->layouts & BIT(i)) &&
		    find_in(d->layouts[i].fields, d->layouts[i].nr_fields,
			    cap->pos, cap->len, offset, reg))
			return true;
	return false;
}

int vconfig_describe(const struct vconfig *vc, unsigned int offset,
		     struct vconfig_reg *reg)
{
	if (!vc || !reg || offset >= vc->cfg_size)
		return -EINVAL;

	reg->offset = offset;
	reg->size = 1;
	reg->name = NULL;
	reg->owner = vconfig_owner(vc, offset, &reg->cap_index);

	if (reg->owner == VCONFIG_OWNER_HEADER)
		find_in(vconfig_header_layout.fields,
			vconfig_header_layout.nr_fields, 0, 0x40, offset, reg);
	else if (reg->owner == VCONFIG_OWNER_CAP)
		find_in_cap(&vc->cap[reg->cap_index], offset, reg);
	return 0;
}

static const struct vconfig_cap_desc *table_desc(unsigned int index)
{
	if (!index)
		return NULL;
	index--;
	if (index < vconfig_nr_std_caps)
		return vconfig_std_caps[index];
	index -= vconfig_nr_std_caps;
	return index < vconfig_nr_ext_caps ? vconfig_ext_caps[index] : NULL;
}

int vconfig_table(unsigned int index, struct vconfig_table *table)
{
	const struct vconfig_cap_desc *d = table_desc(index);

	memset(table, 0, sizeof(*table));
	if (!index) {
		table->name = "Type-0 header";
		table->header = true;
		table->fixed_length = PCI_STD_HEADER_SIZEOF;
		table->nr_layouts = 1;
		return 0;
	}
	if (!d)
		return -EINVAL;
	table->name = d->name;
	table->id = d->id;
	table->extended = d->extended;
	table->fixed_length = d->fixed_length;
	table->doc = d->doc;
	table->nr_layouts = d->nr_layouts;
	return 0;
}

const struct vconfig_field *vconfig_table_layout(unsigned int index,
						 unsigned int layout,
						 const char **when,
						 unsigned int *nr_fields)
{
	const struct vconfig_layout *l;
	const struct vconfig_cap_desc *d = table_desc(index);

	if (!index && !layout)
		l = &vconfig_header_layout;
	else if (d && layout < d->nr_layouts)
		l = &d->layouts[layout];
	else
		return NULL;
	*when = l->when;
	*nr_fields = l->nr_fields;
	return l->fields;
}
