/* committee_texts.h - a committee's own texts in both languages: names, purpose, composition (issue 17). */
#ifndef TP_COMMITTEE_TEXTS_H
#define TP_COMMITTEE_TEXTS_H

#include "model/record.h"

/* name_ko, name_en, purpose, purpose_en, composition, composition_en */
#define COMMITTEE_TEXTS_NFIELDS	6

/* The committee texts' record description (admin/save.c's pipeline; the secretariat's form). */
extern const struct record_desc committee_texts_record;

#endif
