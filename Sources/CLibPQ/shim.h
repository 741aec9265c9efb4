#ifndef OMNISCORE_CLIBPQ_SHIM_H
#define OMNISCORE_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
