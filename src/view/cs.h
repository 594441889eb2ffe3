/* cs.h - include ClearSilver the one right way: its headers need <sys/cdefs.h> first, and its
 * cs_config.h defines PACKAGE_* names that would clash with our config.h. */
#ifndef TP_CS_H
#define TP_CS_H

#include <sys/cdefs.h>
#include <ClearSilver/ClearSilver.h>
#undef PACKAGE_NAME
#undef PACKAGE_VERSION
#undef PACKAGE_STRING
#undef PACKAGE_TARNAME
#undef PACKAGE_BUGREPORT
#undef PACKAGE_URL

#endif
