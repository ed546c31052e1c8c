# kidwiki_link_static_runtime(<target>): links <target> against Debian's static ICU and cmark-gfm
# archives (libicu-dev, libcmark-gfm-dev, libcmark-gfm-extensions-dev) instead of their shared
# libraries.
#
# Why: the server starts a fresh `kidwiki render-worker` process for every render, so the dynamic
# loader's work (mapping and relocating ICU and cmark-gfm) is paid per render; docs/architecture.md
# ("Decisions") and docs/performance.md ("Rendering") give the numbers. Only the programs that
# render get it (the kidwiki program, which is also the worker, and bench's render_file, so that
# the benchmark measures what the server runs); the test programs stay dynamic, so links stay fast.
# libstdc++ stays shared: libxapian and libcpp-httplib need it, and two copies in one process
# would be a bug.
include_guard(GLOBAL)

# ICU's archives take the place of its shared libraries on the link line of the targets that ask
# (the head target's property decides), in the same position, so every reference from
# kidwiki_i18n still finds them; other targets keep the shared libraries.
get_target_property(kidwiki_icu_shared PkgConfig::ICU INTERFACE_LINK_LIBRARIES)
find_library(KIDWIKI_ICUI18N_STATIC libicui18n.a REQUIRED)
find_library(KIDWIKI_ICUUC_STATIC libicuuc.a REQUIRED)
find_library(KIDWIKI_ICUDATA_STATIC libicudata.a REQUIRED)
find_library(KIDWIKI_CMARK_GFM_EXTENSIONS_STATIC libcmark-gfm-extensions.a REQUIRED)
find_library(KIDWIKI_CMARK_GFM_STATIC libcmark-gfm.a REQUIRED)
set_property(TARGET PkgConfig::ICU PROPERTY INTERFACE_LINK_LIBRARIES
  "$<IF:$<BOOL:$<TARGET_PROPERTY:KIDWIKI_STATIC_RUNTIME>>,${KIDWIKI_ICUI18N_STATIC};${KIDWIKI_ICUUC_STATIC};${KIDWIKI_ICUDATA_STATIC};${CMAKE_DL_LIBS};m,${kidwiki_icu_shared}>")

function(kidwiki_link_static_runtime target)
  set_property(TARGET ${target} PROPERTY KIDWIKI_STATIC_RUNTIME ON)
  # Straight after the engine, the only user of cmark-gfm: the engine's references bind to the
  # archives, and the shared libraries that kidwiki_engine's link interface puts later on the line
  # are then dropped (--as-needed, Debian's default, made explicit here). The extensions come
  # first: they call into the core archive, and the linker reads archives once, left to right.
  target_link_libraries(${target} PRIVATE kidwiki_engine ${KIDWIKI_CMARK_GFM_EXTENSIONS_STATIC}
    ${KIDWIKI_CMARK_GFM_STATIC})
  target_link_options(${target} PRIVATE LINKER:--as-needed)
endfunction()
