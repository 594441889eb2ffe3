/* records.c - the list of every record description (model/record.h), for --list-records and the tests. */
#include <stddef.h>

#include "model/account.h"
#include "model/association.h"
#include "model/committee_records.h"
#include "model/committee_texts.h"
#include "model/figures.h"
#include "model/library.h"
#include "model/news.h"
#include "model/people.h"
#include "model/profile.h"
#include "model/record.h"

const struct record_desc *const record_descs[] = {
	&profile_record,
	&person_record,
	&news_record,
	&user_record,
	&meeting_record,
	&seat_record,
	&item_record,
	&resolution_record,
	&minutes_record,
	&secretary_record,
	&document_record,
	&figures_record,
	&committee_texts_record,
	&association_record,
	&library_record,
	&library_kind_record,
	NULL
};
