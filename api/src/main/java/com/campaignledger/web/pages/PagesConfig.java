package com.campaignledger.web.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages for people (static files under {@code static/}): {@code /agent}, an invite link's target, is the agent
 * console; {@code /dashboard} the supervisors' view of the campaigns. They hold no data and need no credentials;
 * what they show comes through the authenticated API.
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
