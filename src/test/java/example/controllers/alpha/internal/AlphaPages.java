package example.controllers.alpha.internal;

import org.springframework.stereotype.Controller;

/** A fixture controller in the wrong package, with the wrong name. */
@Controller
class AlphaPages {

}
