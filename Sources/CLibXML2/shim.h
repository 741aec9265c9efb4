#ifndef OMNISCORE_CLIBXML2_SHIM_H
#define OMNISCORE_CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU; its ICU declarations clash with Foundation's copy of ICU in any Swift module
 * that imports both ("'UErrorCode' has different definitions"). Rubric parsing never uses libxml2's ICU
 * encoders (rubrics are UTF-8), so switch the flag off before the other headers see it. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/c14n.h>

/* The only parse options Omniscore uses for rubrics: never touch the network, never substitute entities, never
 * load or validate against a DTD, no XInclude, no huge documents; errors are collected, not printed. */
static inline int omniscore_rubric_parse_options(void) {
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
#if LIBXML_VERSION >= 21300
    options |= XML_PARSE_NO_XXE;
#endif
    return options;
}

/* xmlFree is a global function pointer, which Swift cannot always call directly. */
static inline void omniscore_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
