/* association.h - the association's own profile in both languages (issue 17): the secretariat's form. */
#ifndef TP_ASSOCIATION_H
#define TP_ASSOCIATION_H

#include "model/record.h"

/* name_ko, name_en, legal_form, legal_form_en, summary, summary_en, address, address_en, phone, email, website */
#define ASSOCIATION_NFIELDS	11

/* The association profile's record description (admin/save.c's pipeline). Its one row has id 1. */
extern const struct record_desc association_record;

#endif
