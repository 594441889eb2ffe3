/* form.h - server-side validation of admin forms: one message per field, values kept for re-display. */
#ifndef TP_FORM_H
#define TP_FORM_H

#include "view/cs.h"
#include "http/request.h"
#include "model/record.h"

/* enum field_type (FT_LINE ...) lives with the record descriptions that use it: model/record.h. */

struct form_field {
	const char		*name;		/* the parameter, and the HDF node Form.<name> */
	enum field_type		 type;
	int			 required;
	long long		 min;
	long long		 max;
	const char *const	*words;
};

/*
 * Check rq's parameters against fields (an array ending with name == NULL). Values (but secrets)
 * are trimmed in place. Each field's value goes to Form.<name>.value and, when wrong, a message (from the
 * language file) to Form.<name>.error; Form.errors counts them. Returns the number of errors,
 * or -1 when memory runs out.
 */
int		 form_check(struct request *rq, HDF *hdf, const struct form_field *fields);
/* The checked value of a field (after form_check): NULL when empty or absent. FT_SLUGS: comma-joined. */
const char	*form_value(HDF *hdf, const char *name);

/* Pure checks, exported for tests. */
int		 form_valid_email(const char *s);
int		 form_valid_phone(const char *s);
int		 form_valid_url(const char *s);
/*
 * A web address typed without its scheme ("www.ctp.or.kr/x") as "https://www.ctp.or.kr/x" in out (size
 * bytes), when that is a valid address (form_valid_url) whose host has a dot. 0, or -1 (s has a scheme,
 * or is no address). form_check offers it in the field for the user to confirm, never stores it unseen.
 */
int		 form_url_add_scheme(const char *s, char *out, size_t size);
/* Trim ASCII spaces, tabs and line ends from both ends, in place. */
void		 form_trim(char *s);

#endif
