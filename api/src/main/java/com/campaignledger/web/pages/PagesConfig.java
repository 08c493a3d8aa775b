package com.campaignledger.web.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages for people (static files under {@code static/}): {@code /agent}, an invite link's target, is the agent
 * console; {@code /dashboard} the supervisors' view of the campaigns. Their files hold no data and need no
 * credentials: the console reads the authenticated API, the dashboard its own paths with a signed-in session.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/agent").setViewName("forward:/agent/index.html");
        registry.addViewController("/agent/").setViewName("forward:/agent/index.html");
        registry.addViewController("/dashboard").setViewName("forward:/dashboard/index.html");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }
}
