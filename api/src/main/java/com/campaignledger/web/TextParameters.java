package com.campaignledger.web;

import com.campaignledger.kernel.ControlCharacters;
import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query parameters, path variables, headers and form fields bound to text obey the rule JSON bodies do
 * (ControlCharacters): a 400 naming the parameter (ProblemHandler), never a value stored or searched for.
 */
@ControllerAdvice
class TextParameters {

    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (ControlCharacters.refused(text)) {
                    throw new ControlCharacterParameterException(ControlCharacters.problem(text));
                }
                setValue(text);
            }
        });
    }

    /** Why a text parameter was refused; Spring wraps it in a type mismatch that names the parameter. */
    static final class ControlCharacterParameterException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        ControlCharacterParameterException(String reason) {
            super(reason);
        }
    }
}
