// (being written: returns failure until the renderer lands)
#include "engine/render.h"
namespace kidwiki::engine { int run_render_worker(int, int) { return 1; } }
