package example.controllers.alpha.internal.web;

import org.springframework.web.bind.annotation.RestController;

/** A fixture controller laid out as every module's are. */
@RestController
class AlphaController {

}
