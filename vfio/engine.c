// SPDX-License-Identifier: GPL-2.0-only
/*
 * The vconfig engine (vconfig/, virtual-caps/), compiled unchanged into the
 * module. The engine's test modules link this same file.
 */
#include "vconfig/embed.h"
