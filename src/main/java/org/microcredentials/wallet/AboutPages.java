package org.microcredentials.wallet;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The terms of service and privacy policy a wallet shows its user before connecting (the Open Badges
 * 3.0 API's discovery document names both): public pages saying what the API gives and keeps.
 */
@Controller
class AboutPages {

  static final String TERMS = "/about/terms";
  static final String PRIVACY = "/about/privacy";

  @GetMapping(TERMS)
  String terms(Model model) {
    model.addAttribute("publicPage", true);
    model.addAttribute("page", "terms");
    return "about";
  }

  @GetMapping(PRIVACY)
  String privacy(Model model) {
    model.addAttribute("publicPage", true);
    model.addAttribute("page", "privacy");
    return "about";
  }
}
